import { reportListSchema, type ReportSummary } from '@redwire/protocol';
import type { Cell, ResultColumn } from '../report/cell-format.js';
import type { ErrorInfo, OutcomeMessage } from './server-messages.js';

/** One bounded page of a statement's result, as `GET /statements/{id}/result` returns it. */
export interface ResultPage {
  columns: ResultColumn[];
  rows: Cell[][];
  /** Opaque; present when more rows follow. */
  cursor?: string;
}

/** An HTTP API failure with the protocol's error code (or `network` when nothing answered). */
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

const FINAL_STATES = new Set(['finished', 'failed', 'aborted']);

/** The results API (HTTP, Cognito ID token as Bearer). Bodies are read leniently: unknown fields are ignored. */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly idToken: () => Promise<string>,
  ) {}

  #reports: Promise<ReportSummary[]> | undefined;

  /** `GET /reports`: the reports the caller may run; asked once per session and shared by every report on the page. */
  reports(): Promise<ReportSummary[]> {
    this.#reports ??= this.#fetchReports().catch((error: unknown) => {
      this.#reports = undefined;
      throw error;
    });
    return this.#reports;
  }

  async #fetchReports(): Promise<ReportSummary[]> {
    const body = await this.#json('/reports');
    const parsed = reportListSchema.safeParse(body);
    if (parsed.success) return parsed.data.reports;
    // Lenient: keep every report that is valid on its own rather than failing the whole list.
    const reports = (body as { reports?: unknown[] } | null)?.reports ?? [];
    return reports.flatMap((report) => {
      const one = reportListSchema.safeParse({ reports: [report] });
      return one.success ? one.data.reports : [];
    });
  }

  /** `GET /statements/{id}` mapped to an outcome message, or `undefined` while it runs. */
  async statementOutcome(statementId: string, signal?: AbortSignal): Promise<OutcomeMessage | undefined> {
    const body = (await this.#json(`/statements/${encodeURIComponent(statementId)}`, signal)) as Record<string, unknown>;
    const state = String(body['state'] ?? '').toLowerCase();
    if (!FINAL_STATES.has(state)) return undefined;
    if (state === 'finished') {
      return { type: 'completed', statementId, rowCount: typeof body['rowCount'] === 'number' ? body['rowCount'] : undefined };
    }
    if (state === 'aborted') return { type: 'aborted', statementId };
    const error = (body['error'] ?? {}) as Partial<ErrorInfo>;
    return { type: 'failed', statementId, error: { code: String(error.code ?? 'query_failed'), message: String(error.message ?? '') } };
  }

  /** `GET /statements/{id}/result?cursor=`: one page of rows. */
  async resultPage(statementId: string, cursor?: string, signal?: AbortSignal): Promise<ResultPage> {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const body = (await this.#json(`/statements/${encodeURIComponent(statementId)}/result${query}`, signal)) as Record<string, unknown>;
    const columns = Array.isArray(body['columns']) ? (body['columns'] as ResultColumn[]).map((c) => ({ name: String(c.name), type: String(c.type ?? '') })) : [];
    const rows = Array.isArray(body['rows']) ? (body['rows'] as Cell[][]) : [];
    return { columns, rows, cursor: typeof body['cursor'] === 'string' && body['cursor'] !== '' ? body['cursor'] : undefined };
  }

  /** `GET /statements/{id}/result.csv` as a Blob for a download. */
  async resultCsv(statementId: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.#fetch(`/statements/${encodeURIComponent(statementId)}/result.csv`, signal);
    return response.blob();
  }

  async #json(path: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.#fetch(path, signal);
    try {
      return await response.json();
    } catch {
      throw new RestError('invalid_response', 'The server sent an answer this page cannot read.', response.status);
    }
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
    if (!response.ok) {
      let code = 'internal';
      let message = `The server answered ${response.status}.`;
      try {
        const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code === 'string') code = body.error.code;
        if (typeof body.error?.message === 'string' && body.error.message !== '') message = body.error.message;
      } catch {
        // keep the status-based message
      }
      throw new RestError(code, message, response.status);
    }
    return response;
  }
}
