import * as z from 'zod/mini';
import { chartHintSchema } from '../chart.js';
import { errorCodeSchema } from '../errors.js';
import { httpErrorBodySchema } from '../http/error-body.js';
import { reportListSchema, reportSummarySchema } from '../http/report-summary.js';
import { resultPageSchema } from '../http/result-page.js';
import { statementStatusSchema } from '../http/statement-status.js';
import { cancelMessageSchema, clientMessageSchema, pingMessageSchema, resumeMessageSchema, submitMessageSchema } from '../messages/client.js';
import {
  abortedMessageSchema,
  acceptedMessageSchema,
  completedMessageSchema,
  errorMessageSchema,
  failedMessageSchema,
  pongMessageSchema,
  serverMessageSchema,
} from '../messages/server.js';
import { PROTOCOL_VERSION } from '../version.js';

interface DocumentedSchema {
  schema: z.ZodMiniType;
  title: string;
  description: string;
}

const LENIENT = 'Written strictly by the server; browsers ignore unknown fields when reading.';

/** Every message and body of the protocol, by the file name its JSON Schema is written to. */
export const DOCUMENTED_SCHEMAS: Readonly<Record<string, DocumentedSchema>> = {
  'error-code': { schema: errorCodeSchema, title: 'Error code', description: 'The one list of error codes, shared by WebSocket messages and HTTP bodies.' },
  'chart-hint': {
    schema: chartHintSchema,
    title: 'Chart hint',
    description: 'How a report is best drawn. Also checked: x, y, series and value name different columns; series needs exactly one y column.',
  },
  'client-submit': { schema: submitMessageSchema, title: 'submit', description: 'Client → server: run a catalog report. Unknown fields are refused.' },
  'client-cancel': { schema: cancelMessageSchema, title: 'cancel', description: 'Client → server: cancel a running statement. Unknown fields are refused.' },
  'client-resume': {
    schema: resumeMessageSchema,
    title: 'resume',
    description: 'Client → server: after a reconnect, re-send outcomes of these statements. Also checked: no id repeats.',
  },
  'client-ping': { schema: pingMessageSchema, title: 'ping', description: 'Client → server: keep-alive, answered by pong.' },
  'client-message': { schema: clientMessageSchema, title: 'Client message', description: 'Any client → server message, told apart by action.' },
  'server-accepted': { schema: acceptedMessageSchema, title: 'accepted', description: `Server → client: the statement started. Its outcome may arrive first. ${LENIENT}` },
  'server-completed': { schema: completedMessageSchema, title: 'completed', description: `Server → client: finished; fetch rows over HTTP. ${LENIENT}` },
  'server-failed': { schema: failedMessageSchema, title: 'failed', description: `Server → client: the statement failed. ${LENIENT}` },
  'server-aborted': { schema: abortedMessageSchema, title: 'aborted', description: `Server → client: the statement was cancelled. ${LENIENT}` },
  'server-error': { schema: errorMessageSchema, title: 'error', description: `Server → client: a request was refused or went wrong. ${LENIENT}` },
  'server-pong': { schema: pongMessageSchema, title: 'pong', description: `Server → client: answer to ping. ${LENIENT}` },
  'server-message': { schema: serverMessageSchema, title: 'Server message', description: `Any server → client message, told apart by type. ${LENIENT} Unknown types are skipped.` },
  'http-report-list': { schema: reportListSchema, title: 'Report list', description: 'GET /reports: the reports the caller may run.' },
  'http-report-summary': {
    schema: reportSummarySchema,
    title: 'Report summary',
    description: 'One report: params is a JSON Schema whose properties carry title = label. Also checked: required names are properties, without repeats.',
  },
  'http-statement-status': {
    schema: statementStatusSchema,
    title: 'Statement status',
    description: 'GET /statements/{id}. Also checked: rowCount is present exactly when finished, error exactly when failed.',
  },
  'http-result-page': {
    schema: resultPageSchema,
    title: 'Result page',
    description:
      'GET /statements/{id}/result: one page of typed rows. Also checked: one cell per column; integers within ±2^53 and floats are numbers, larger int8 and numeric are strings, non-finite floats are "NaN"/"Infinity"/"-Infinity", NULL is null; cursor present when more rows follow.',
  },
  'http-error': { schema: httpErrorBodySchema, title: 'HTTP error', description: 'Body of every HTTP error response.' },
};

/** The JSON Schema documents for docs/protocol/, by file name, as the exact text to write. */
export function renderProtocolDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, { schema, title, description }] of Object.entries(DOCUMENTED_SCHEMAS)) {
    const { $schema, ...body } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
    const document = { $schema, $id: `urn:redwire:protocol:${PROTOCOL_VERSION}:${name}`, title, description, ...body };
    files.set(`${name}.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}

/**
 * What differs between the documents that should exist and those that do:
 * one line per drifted, missing or stale file (empty when all agree).
 */
export function findDocsDrift(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, text] of expected) {
    const current = actual.get(name);
    if (current === undefined) problems.push(`${name} is missing`);
    else if (current !== text) problems.push(`${name} differs from the schemas`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push(`${name} is not generated from any schema (stale?)`);
  return problems;
}
