import { css } from 'lit';

/**
 * Shared look. Every colour and size comes from a CSS custom property with a
 * default, so a host page themes all elements at once.
 */
export const baseStyles = css`
  :host {
    font-family: var(--redwire-font-family, system-ui, sans-serif);
    color: var(--redwire-text-color, #1b1f24);
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    padding: 0.4em 0.9em;
    border-radius: var(--redwire-radius, 6px);
    border: 1px solid var(--redwire-accent-color, #0b5cad);
    background: var(--redwire-accent-color, #0b5cad);
    color: var(--redwire-accent-text-color, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--redwire-accent-color, #0b5cad);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  th button:focus-visible {
    outline: 3px solid var(--redwire-focus-color, #f5a623);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.6em 0 0.2em;
  }
  input,
  select {
    font: inherit;
    padding: 0.35em 0.5em;
    border: 1px solid var(--redwire-border-color, #8c959f);
    border-radius: var(--redwire-radius, 6px);
  }
  .error {
    color: var(--redwire-error-color, #b3261e);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.8em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
