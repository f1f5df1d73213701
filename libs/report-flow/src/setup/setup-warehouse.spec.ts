import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatementDescription } from '@redwire/warehouse';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { sampleCopySql, sampleDataSourceFrom, SampleDataConfigError } from './sample-data-source.js';
import { setupWarehouse, type SetupDependencies } from './setup-warehouse.js';
import { SETUP_SQL_FILES } from './setup-sql.js';

const SETUP_DIR = join(import.meta.dirname, '../../../../sql/setup');
const source = { url: 's3://redwire-sample/nyc-2015/', roleArn: 'arn:aws:iam::111122223333:role/redwire-copy' };

/** A warehouse holding `rows` trips that records what it was asked to run. */
function fakeWarehouse(rows: number) {
  const sql: string[] = [];
  const warehouse: SetupDependencies['warehouse'] = {
    execute: async (input) => {
      sql.push(input.sql);
      return { statementId: `s-${sql.length}` };
    },
    describe: async (statementId): Promise<StatementDescription> => ({ statementId, state: 'finished', elapsedMs: 1, rowCount: 1, hasResultSet: true }),
    readResultPage: async () => ({ columns: [{ name: 'row_count', type: 'int8' }], rows: [[rows]] }),
  };
  return { warehouse, sql };
}

describe('setup-warehouse', () => {
  it('carries exactly the statements of sql/setup (update setup-sql.ts when a file changes)', () => {
    const files = readdirSync(SETUP_DIR).filter((f) => f.endsWith('.sql')).sort();
    expect(SETUP_SQL_FILES.map((f) => f.file)).toEqual(files);
    for (const { file, sql } of SETUP_SQL_FILES) expect(sql, file).toBe(readFileSync(join(SETUP_DIR, file), 'utf8'));
  });

  it('creates the table and loads the sample only into an empty table', async () => {
    const empty = fakeWarehouse(0);
    expect(await setupWarehouse({ warehouse: empty.warehouse, logger: pino({ level: 'silent' }), sampleData: source, pollMs: 1 })).toEqual({ statements: 1, rowsBefore: 0, loaded: true });
    expect(empty.sql[0]).toMatch(/^[\s\S]*CREATE TABLE IF NOT EXISTS nyc_yellow_taxi/);
    expect(empty.sql.at(-1)).toBe("COPY nyc_yellow_taxi FROM 's3://redwire-sample/nyc-2015/' IAM_ROLE 'arn:aws:iam::111122223333:role/redwire-copy' FORMAT AS PARQUET");

    const filled = fakeWarehouse(12_000_000);
    expect(await setupWarehouse({ warehouse: filled.warehouse, logger: pino({ level: 'silent' }), sampleData: source, pollMs: 1 })).toMatchObject({ loaded: false, rowsBefore: 12_000_000 });
    expect(filled.sql.some((s) => s.startsWith('COPY'))).toBe(false);
  });

  it('never loads without a configured source, and refuses values that could break out of the COPY text', () => {
    expect(sampleDataSourceFrom(undefined, undefined)).toBeUndefined();
    expect(() => sampleDataSourceFrom(source.url, undefined)).toThrow(SampleDataConfigError);
    expect(() => sampleCopySql({ ...source, url: "s3://bucket/x' CREDENTIALS 'y" })).toThrow(SampleDataConfigError);
    expect(() => sampleCopySql({ ...source, roleArn: 'arn:aws:iam::1:role/x' })).toThrow(SampleDataConfigError);
  });
});
