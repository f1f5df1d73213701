import { isOpenState, type ConnectionRegistry, type Subscription } from '@redwire/connection-registry';
import type { Logger } from '@redwire/config';
import { resultCursorSchema, STATEMENT_ID_PATTERN, type ErrorCode, type ResultPage } from '@redwire/protocol';
import { listReports, type CatalogBundle } from '@redwire/query-catalog';
import { isWarehouseError } from '@redwire/warehouse';
import type { Identity, ResultReader } from './flow-ports.js';
import { csvResponse, errorResponse, jsonResponse, type HttpResponse } from './http-response.js';
import { statementStatusOf } from './statement-status.js';

/** Largest CSV returned inline: Lambda's response limit is 6 MB, headers and encoding included. */
export const DEFAULT_CSV_MAX_BYTES = 5 * 1024 * 1024;

export interface ResultsDependencies {
  readonly registry: Pick<ConnectionRegistry, 'subscriptions'>;
  readonly reader: ResultReader;
  readonly catalog: () => Promise<CatalogBundle>;
  readonly logger: Logger;
  readonly csvMaxBytes?: number;
  readonly now?: () => Date;
}

/** One HTTP API request, as results-api reads it from the payload-2.0 event. */
export interface ResultsRequest {
  readonly routeKey: string;
  readonly statementId?: string;
  readonly cursor?: string;
  /** From the JWT authorizer's claims; undefined means the authorizer let nothing through (never in Redwire). */
  readonly identity: Identity | undefined;
}

type Owned = Subscription & { statementId: string };

/** Routes `GET /reports`, `GET /statements/{id}`, `…/result` and `…/result.csv`. Only the submitter may read a statement. */
export async function handleResultsRequest(deps: ResultsDependencies, request: ResultsRequest): Promise<HttpResponse> {
  const identity = request.identity;
  if (identity === undefined) return errorResponse('unauthorized', 'sign in to use this API');
  const log = deps.logger.child({ userId: identity.userId, ...(request.statementId ? { statementId: request.statementId.slice(0, 128) } : {}) });
  try {
    if (request.routeKey === 'GET /reports') return jsonResponse(200, { reports: listReports(await deps.catalog(), identity.groups) });
    const owned = await ownStatement(deps, identity, request.statementId);
    if (owned === undefined) return errorResponse('statement_not_found', 'no statement with this id');
    switch (request.routeKey) {
      case 'GET /statements/{id}':
        return jsonResponse(200, statementStatusOf(owned, now(deps), isOpenState(owned.state) ? await deps.reader.describe(owned.statementId) : undefined));
      case 'GET /statements/{id}/result':
        return (await notReady(deps, owned)) ?? (await resultPage(deps, owned, request.cursor));
      case 'GET /statements/{id}/result.csv':
        return (await notReady(deps, owned)) ?? (await resultCsv(deps, owned));
      default:
        return errorResponse('not_found', 'no such route');
    }
  } catch (error) {
    if (isWarehouseError(error)) {
      const code: ErrorCode = error.code === 'statement_not_found' ? 'statement_expired' : error.code;
      log.info({ code }, 'request refused by the warehouse');
      return errorResponse(code, code === 'statement_expired' ? 'the results of this statement are no longer available' : error.message);
    }
    log.error({ err: error, routeKey: request.routeKey }, 'results request failed');
    return errorResponse('unavailable', 'the request could not be completed; try again shortly');
  }
}

const now = (deps: ResultsDependencies) => (deps.now ?? (() => new Date()))();

/** The caller's own statement, or undefined: someone else's statement is indistinguishable from none (404). */
async function ownStatement(deps: ResultsDependencies, identity: Identity, statementId: string | undefined): Promise<Owned | undefined> {
  if (statementId === undefined || !STATEMENT_ID_PATTERN.test(statementId)) return undefined;
  const subscription = await deps.registry.subscriptions.getByStatementId(statementId);
  if (subscription === undefined || subscription.userId !== identity.userId || subscription.statementId !== statementId) return undefined;
  return subscription as Owned;
}

async function notReady(deps: ResultsDependencies, owned: Owned): Promise<HttpResponse | undefined> {
  if (owned.state === 'finished') return undefined;
  if (isOpenState(owned.state)) {
    const description = await deps.reader.describe(owned.statementId);
    if (description.state === 'finished') return undefined;
    if (description.state === 'submitted' || description.state === 'running') return errorResponse('result_not_ready', 'the statement is still running');
  }
  return errorResponse('result_not_ready', 'the statement did not finish successfully, so it has no result');
}

async function resultPage(deps: ResultsDependencies, owned: Owned, cursor: string | undefined): Promise<HttpResponse> {
  if (cursor !== undefined && !resultCursorSchema.safeParse(cursor).success) return errorResponse('invalid_cursor', 'the result cursor is not valid for this statement');
  const page: ResultPage = await deps.reader.readResultPage(owned.statementId, cursor);
  return jsonResponse(200, page);
}

async function resultCsv(deps: ResultsDependencies, owned: Owned): Promise<HttpResponse> {
  const chunks: string[] = [];
  await deps.reader.writeCsv(owned.statementId, { write: (chunk: string) => chunks.push(chunk) }, deps.csvMaxBytes ?? DEFAULT_CSV_MAX_BYTES);
  return csvResponse(chunks.join(''), `${owned.reportId}-${owned.statementId.replace(/[^A-Za-z0-9-]/g, '_')}.csv`);
}
