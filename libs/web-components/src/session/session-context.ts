import { createContext } from '@lit/context';
import type { ReportConnection } from '../connection/report-connection.js';
import type { RestClient } from '../connection/rest-client.js';
import type { CognitoAuth } from './cognito-auth.js';

/** What `<redwire-session>` shares with the elements inside it. */
export interface RedwireSession {
  /** The one multiplexed WebSocket of this page. */
  readonly connection: ReportConnection;
  /** The results API client (adds the ID token itself). */
  readonly rest: RestClient;
}

/** The signed-in session; `undefined` while signed out or loading. */
export const sessionContext = createContext<RedwireSession | undefined>(Symbol.for('redwire-session'));

/** The Cognito pool, for the sign-up / verify / sign-in / forgot-password elements. */
export const authContext = createContext<CognitoAuth | undefined>(Symbol.for('redwire-auth'));
