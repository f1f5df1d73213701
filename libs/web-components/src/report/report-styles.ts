import { css } from 'lit';

export const reportStyles = css`
  :host {
    border: 1px solid var(--redwire-border-color, #d0d7de);
    border-radius: var(--redwire-radius, 6px);
    padding: 1em;
    margin-bottom: 1em;
    background: var(--redwire-background, #fff);
  }
  h2 {
    margin: 0 0 0.25em;
    font-size: 1.2em;
  }
  .description,
  .muted {
    color: var(--redwire-muted-color, #57606a);
    margin: 0 0 0.75em;
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  fieldset {
    border: 1px solid var(--redwire-border-color, #d0d7de);
  }
  .error:empty {
    display: none;
  }
  .elapsed {
    margin-left: 0.5em;
    font-variant-numeric: tabular-nums;
    color: var(--redwire-muted-color, #57606a);
  }
`;
