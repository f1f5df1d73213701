import { namedParameters } from '@redwire/query-catalog';
import { validation } from './data-api-error.js';
import { arrayField, booleanField, constraintError, integerField, stringField } from './request-fields.js';
import type { SqlParameter } from './statement-record.js';

/** A validated ExecuteStatement or BatchExecuteStatement request. */
export interface SubmitRequest {
  sqls: string[];
  isBatch: boolean;
  clusterIdentifier?: string;
  workgroupName?: string;
  database: string;
  dbUser?: string;
  secretArn?: string;
  statementName?: string;
  parameters?: SqlParameter[];
  withEvent: boolean;
  resultFormat: 'JSON' | 'CSV';
  clientToken?: string;
  waitTimeSeconds?: number;
}

export const MAX_SQL_BYTES = 100 * 1024;
const CLUSTER = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PARAMETER_NAME = /^[0-9a-zA-Z_]+$/;

/** Validates a submission the way the Data API does before it accepts anything. */
export function parseSubmitRequest(body: Record<string, unknown>, isBatch: boolean): SubmitRequest {
  const sqls = isBatch ? batchSqls(body) : [stringField(body, 'Sql', { required: true, min: 1 }) as string];
  for (const sql of sqls) {
    if (Buffer.byteLength(sql) > MAX_SQL_BYTES) throw validation(`The SQL statement is ${Buffer.byteLength(sql)} bytes; the limit is 100 KB.`);
  }
  const clusterIdentifier = stringField(body, 'ClusterIdentifier', { min: 1, max: 63, pattern: CLUSTER });
  const workgroupName = stringField(body, 'WorkgroupName', { min: 3, max: 128 });
  const dbUser = stringField(body, 'DbUser');
  const secretArn = stringField(body, 'SecretArn');
  if (stringField(body, 'SessionId') !== undefined || integerField(body, 'SessionKeepAliveSeconds', 0, 86400) !== undefined) {
    throw validation('Sessions (SessionId, SessionKeepAliveSeconds) are not supported by the local Redshift Data API.');
  }
  if ((clusterIdentifier === undefined) === (workgroupName === undefined)) {
    throw validation('Either ClusterIdentifier or WorkgroupName must be specified, but not both.');
  }
  if (dbUser !== undefined && workgroupName !== undefined) throw validation('DbUser can be specified only with ClusterIdentifier.');
  if (dbUser !== undefined && secretArn !== undefined) throw validation('DbUser and SecretArn cannot be specified together.');
  const database = stringField(body, 'Database', { min: 1 });
  if (database === undefined) throw validation('Database is required to run a statement.');
  const parameters = parseParameters(body, sqls);
  const resultFormat = (stringField(body, 'ResultFormat', { oneOf: ['JSON', 'CSV'] }) ?? 'JSON') as 'JSON' | 'CSV';
  return {
    sqls,
    isBatch,
    clusterIdentifier,
    workgroupName,
    database,
    dbUser,
    secretArn,
    statementName: stringField(body, 'StatementName', { max: 500 }),
    parameters,
    withEvent: booleanField(body, 'WithEvent') ?? false,
    resultFormat,
    clientToken: stringField(body, 'ClientToken', { min: 1, max: 64 }),
    waitTimeSeconds: integerField(body, 'WaitTimeSeconds', 1, 30),
  };
}

function batchSqls(body: Record<string, unknown>): string[] {
  const sqls = arrayField(body, 'Sqls');
  if (sqls === undefined) throw constraintError('Sqls', undefined, 'Member must not be null');
  if (sqls.length < 1 || sqls.length > 40) throw constraintError('Sqls', sqls.length, 'Member must have length between 1 and 40');
  return sqls.map((sql, index) => stringField({ [`Sqls.${index + 1}`]: sql }, `Sqls.${index + 1}`, { required: true, min: 1 }) as string);
}

function parseParameters(body: Record<string, unknown>, sqls: string[]): SqlParameter[] | undefined {
  const list = arrayField(body, 'Parameters');
  if (list === undefined) return undefined;
  if (list.length === 0) throw constraintError('Parameters', '[]', 'Member must have length greater than or equal to 1');
  const seen = new Set<string>();
  const parameters = list.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw validation(`Parameters.${index + 1} must be a structure with name and value`);
    const entry = item as Record<string, unknown>;
    const name = stringField(entry, 'name', { required: true, min: 1, pattern: PARAMETER_NAME }) as string;
    const value = stringField(entry, 'value', { required: true, min: 1 }) as string;
    if (seen.has(name)) throw validation(`Parameter name ${name} is specified more than once.`);
    seen.add(name);
    return { name, value };
  });
  const referenced = new Set(sqls.flatMap((sql) => namedParameters(sql)));
  const unused = parameters.filter((parameter) => !referenced.has(parameter.name));
  if (unused.length > 0) throw validation(`Parameter ${unused.map((p) => p.name).join(', ')} is not referenced in the SQL statement.`);
  return parameters;
}
