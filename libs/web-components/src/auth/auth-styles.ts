import { css } from 'lit';

export const authStyles = css`
  form {
    max-width: 24rem;
  }
  input {
    width: 100%;
    box-sizing: border-box;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
  }
  .policy {
    list-style: none;
    padding: 0;
    margin: 0.4em 0;
    font-size: 0.9em;
  }
  .policy .met {
    color: var(--redwire-success-color, #1a7f37);
  }
  .policy .unmet {
    color: var(--redwire-muted-color, #57606a);
  }
  .notice {
    color: var(--redwire-success-color, #1a7f37);
  }
  .error:empty {
    display: none;
  }
`;
