import {
  readHttpError,
  readReportList,
  readResultPage,
  readStatementStatus,
  type ReadResult,
  type ReceivedReportSummary,
  type ReceivedResultPage,
} from '@redwire/protocol';
import type { FinalStatus } from './server-messages.js';

/** One bounded page of a statement's result, as `GET /statements/{id}/result` returns it. */
export type ResultPage = ReceivedResultPage;

/** An HTTP API failure with the protocol's error code (`network` when nothing answered, `invalid_response` for an unreadable body). */
export class RestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/** The results API (HTTP, Cognito ID token as Bearer). Bodies are read leniently by `@redwire/protocol`. */
export class RestClient {
  #reports: Promise<ReceivedReportSummary[]> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly idToken: () => Promise<string>,
  ) {}

  /** `GET /reports`: the reports the caller may run; asked once per session and shared by every report on the page. */
  reports(): Promise<ReceivedReportSummary[]> {
    this.#reports ??= this.#json('/reports', undefined, readReportList)
      .then((list) => list.reports)
      .catch((error: unknown) => {
        this.#reports = undefined;
        throw error;
      });
    return this.#reports;
  }

  /** `GET /statements/{id}`: the final status, or `undefined` while the statement still runs. */
  async statementOutcome(statementId: string, signal?: AbortSignal): Promise<FinalStatus | undefined> {
    const status = await this.#json(`/statements/${encodeURIComponent(statementId)}`, signal, readStatementStatus);
    switch (status.state) {
      case 'finished':
        return { state: 'finished', rowCount: status.rowCount ?? 0 };
      case 'failed':
        return { state: 'failed', error: status.error ?? { code: 'query_failed', message: '' } };
      case 'aborted':
        return { state: 'aborted' };
      default:
        return undefined;
    }
  }

  /** `GET /statements/{id}/result?cursor=`: one page of rows. */
  resultPage(statementId: string, cursor?: string, signal?: AbortSignal): Promise<ResultPage> {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    return this.#json(`/statements/${encodeURIComponent(statementId)}/result${query}`, signal, readResultPage);
  }

  /** `GET /statements/{id}/result.csv` as a Blob for a download. */
  async resultCsv(statementId: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.#fetch(`/statements/${encodeURIComponent(statementId)}/result.csv`, signal);
    return response.blob();
  }

  async #json<T>(path: string, signal: AbortSignal | undefined, reader: (raw: unknown) => ReadResult<T>): Promise<T> {
    const response = await this.#fetch(path, signal);
    const result = reader(await response.text());
    if (!result.ok) throw new RestError('invalid_response', 'The server sent an answer this page cannot read.', response.status);
    return result.value;
  }

  async #fetch(path: string, signal?: AbortSignal): Promise<Response> {
    const token = await this.idToken();
    let response: Response;
    try {
      response = await fetch(this.baseUrl.replace(/\/+$/, '') + path, { headers: { authorization: `Bearer ${token}` }, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RestError('network', 'Cannot reach the server. Check your connection and try again.', 0);
    }
    if (response.ok) return response;
    const body = readHttpError(await response.text().catch(() => ''));
    throw body.ok
      ? new RestError(body.value.error.code, body.value.error.message, response.status)
      : new RestError('internal', `The server answered ${response.status}.`, response.status);
  }
}
