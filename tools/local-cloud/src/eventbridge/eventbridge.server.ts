import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { BodyTooLargeError, parseJsonObject, readBody, sendAwsJsonError, sendJson } from '../http/http-io.js';
import type { EventBus } from './event-bus.js';

/** PutEvents accepts at most 256 KB per request. */
const MAX_REQUEST_BYTES = 256 * 1024;

interface EntryResult {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

function invalid(parameter: string): EntryResult {
  return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${parameter} is not valid. Reason: Provided ${parameter} is not valid.` };
}

function putEntry(bus: EventBus, entry: unknown): EntryResult {
  if (entry === null || typeof entry !== 'object') return invalid('Entries');
  const e = entry as Record<string, unknown>;
  if (typeof e['Source'] !== 'string' || e['Source'] === '') return invalid('Source');
  if (typeof e['DetailType'] !== 'string' || e['DetailType'] === '') return invalid('DetailType');
  if (typeof e['Detail'] !== 'string') return invalid('Detail');
  const detail = parseJsonObject(Buffer.from(e['Detail']));
  if (!detail) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  const bus_ = e['EventBusName'];
  if (bus_ !== undefined && bus_ !== 'default' && !(typeof bus_ === 'string' && bus_.endsWith(':event-bus/default'))) {
    return { ErrorCode: 'InvalidArgument', ErrorMessage: `Event bus ${String(bus_)} does not exist.` };
  }
  const resources = Array.isArray(e['Resources']) ? e['Resources'].filter((r): r is string => typeof r === 'string') : [];
  const time = typeof e['Time'] === 'number' ? new Date(e['Time'] * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  const event = bus.publish({ source: e['Source'], 'detail-type': e['DetailType'], detail, resources, ...(time ? { time } : {}) });
  return { EventId: event.id };
}

/** EventBridge's awsJson1.1 API (`AWSEvents.PutEvents`) in front of the in-process bus. */
export function createEventBridgeServer(bus: EventBus, logger: Logger): Server {
  return createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'POST') return sendAwsJsonError(res, 404, 'UnknownOperationException', 'Only POST / is served');
        const target = String(req.headers['x-amz-target'] ?? '');
        const body = parseJsonObject(await readBody(req, MAX_REQUEST_BYTES));
        if (!body) return sendAwsJsonError(res, 400, 'SerializationException', 'Request body is not a JSON object');
        if (target !== 'AWSEvents.PutEvents') {
          return sendAwsJsonError(res, 400, 'UnknownOperationException', `The local cloud does not serve ${target || 'this operation'}`);
        }
        const entries = body['Entries'];
        if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
          return sendAwsJsonError(res, 400, 'ValidationException', '1 validation error detected: Value at \'entries\' failed to satisfy constraint: Member must have length between 1 and 10');
        }
        const results = entries.map((entry) => putEntry(bus, entry));
        sendJson(res, 200, { Entries: results, FailedEntryCount: results.filter((r) => r.ErrorCode).length }, { 'content-type': 'application/x-amz-json-1.1' });
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendAwsJsonError(res, 413, 'ValidationException', 'Total size of the entries in the request exceeds 256 KB');
        logger.error({ err: error }, 'eventbridge request failed');
        sendAwsJsonError(res, 500, 'InternalException', 'Internal error');
      }
    })();
  });
}
