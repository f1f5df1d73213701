import { isOpenState, type ConnectionRegistry, type Subscription } from '@redwire/connection-registry';
import type { Logger } from '@redwire/config';
import { resultCursorSchema, STATEMENT_ID_PATTERN, type ErrorCode } from '@redwire/protocol';
import { listReports, type CatalogBundle } from '@redwire/query-catalog';
import { isWarehouseError, type ResultPageJson, type Warehouse } from '@redwire/warehouse';
import type { Identity } from './flow-ports.js';
import { csvResponse, errorResponse, jsonResponse, type HttpResponse } from './http-response.js';
import { statementStatusOf } from './statement-status.js';

/** Largest CSV returned inline: Lambda's response limit is 6 MB, headers and encoding included. */
export const DEFAULT_CSV_MAX_BYTES = 5 * 1024 * 1024;

/** The warehouse calls results-api makes (a `Warehouse` from @redwire/warehouse in the handler). */
export type ResultsReader = Pick<Warehouse, 'describe' | 'readResultPageJson' | 'writeCsv'>;

export interface ResultsDependencies {
  readonly registry: Pick<ConnectionRegistry, 'subscriptions'>;
  readonly reader: ResultsReader;
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
    if (request.routeKey === 'GET /statements/{id}/result' && request.cursor !== undefined) {
      const page = await continuationPage(deps, identity, request.statementId, request.cursor);
      if (page !== undefined) return page;
    }
    const owned = await ownStatement(deps, identity, request.statementId);
    if (owned === undefined) return errorResponse('statement_not_found', 'no statement with this id');
    switch (request.routeKey) {
      case 'GET /statements/{id}':
        return jsonResponse(200, statementStatusOf(owned, now(deps), isOpenState(owned.state) ? await deps.reader.describe(owned.statementId) : undefined));
      case 'GET /statements/{id}/result':
        return (await notReady(deps, owned)) ?? (await resultPage(deps, identity, owned, request.cursor));
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

/**
 * A continuation page served on the cursor's proof alone: its MAC covers the statement id and the
 * caller's user id, and it was only ever issued with an earlier page of this statement to this
 * user — after the owner check and the readiness check of the first page, and a statement that
 * has a page is finished for good. So the registry is not asked again (one SDK call less per page).
 * Undefined when the cursor proves nothing (another user's, another statement's, forged, malformed):
 * then the full owner check answers exactly as it does without a cursor — 404 to anyone but the
 * owner, `invalid_cursor` to the owner.
 */
async function continuationPage(deps: ResultsDependencies, identity: Identity, statementId: string | undefined, cursor: string): Promise<HttpResponse | undefined> {
  if (statementId === undefined || !STATEMENT_ID_PATTERN.test(statementId) || !resultCursorSchema.safeParse(cursor).success) return undefined;
  try {
    return pageResponse(await deps.reader.readResultPageJson(statementId, cursor, { owner: identity.userId }));
  } catch (error) {
    if (isWarehouseError(error) && error.code === 'invalid_cursor') return undefined;
    throw error;
  }
}

async function resultPage(deps: ResultsDependencies, identity: Identity, owned: Owned, cursor: string | undefined): Promise<HttpResponse> {
  if (cursor !== undefined && !resultCursorSchema.safeParse(cursor).success) return errorResponse('invalid_cursor', 'the result cursor is not valid for this statement');
  return pageResponse(await deps.reader.readResultPageJson(owned.statementId, cursor, { owner: identity.userId }));
}

/** The page's JSON text as built by the warehouse: the same body `jsonResponse(200, page)` would give, serialized once. */
function pageResponse(page: ResultPageJson): HttpResponse {
  return { ...jsonResponse(200, null), body: page.json };
}

async function resultCsv(deps: ResultsDependencies, owned: Owned): Promise<HttpResponse> {
  const chunks: string[] = [];
  await deps.reader.writeCsv(owned.statementId, { write: (chunk: string) => chunks.push(chunk) }, deps.csvMaxBytes ?? DEFAULT_CSV_MAX_BYTES);
  return csvResponse(chunks.join(''), `${owned.reportId}-${owned.statementId.replace(/[^A-Za-z0-9-]/g, '_')}.csv`);
}
