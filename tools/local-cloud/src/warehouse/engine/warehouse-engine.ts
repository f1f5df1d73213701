import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TranslationCache } from '../dialect/translation-cache.js';
import { ConnectionPool } from './connection-pool.js';
import { PreparedStatementCache } from './prepared-statements.js';
import type { StatementCaches } from './statement-executor.js';
import { installTestFunctions, measureRowsPerMs } from './test-functions.js';

export interface WarehouseEngineOptions {
  stateDir: string;
  memoryLimit: string;
  poolSize: number;
  enableTestFunctions: boolean;
}

/** Session settings that make DuckDB answer as Redshift does. */
const SESSION_SETTINGS = ["SET integer_division = true", "SET TimeZone = 'UTC'"];

/** The file-backed DuckDB database behind the Data API stand-in, with its connection pool. */
export class WarehouseEngine {
  /** Translations and prepared SELECTs reused by every statement the pool runs. */
  readonly caches: Required<StatementCaches> = { translations: new TranslationCache(), prepared: new PreparedStatementCache() };

  private constructor(
    readonly instance: DuckDBInstance,
    readonly pool: ConnectionPool,
  ) {}

  static async open(options: WarehouseEngineOptions): Promise<WarehouseEngine> {
    await mkdir(options.stateDir, { recursive: true });
    const instance = await DuckDBInstance.create(join(options.stateDir, 'warehouse.duckdb'), {
      memory_limit: options.memoryLimit,
    });
    const sleepCalibration = options.enableTestFunctions ? await calibrate(instance) : undefined;
    const pool = new ConnectionPool(instance, options.poolSize, async (connection) => {
      for (const setting of SESSION_SETTINGS) await connection.run(setting);
      if (sleepCalibration !== undefined) await installTestFunctions(connection, sleepCalibration);
    });
    return new WarehouseEngine(instance, pool);
  }

  /** A connection outside the pool, with the same session settings (sample-data generation, maintenance). */
  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    for (const setting of SESSION_SETTINGS) await connection.run(setting);
    return connection;
  }

  close(): void {
    this.pool.close();
    this.instance.closeSync();
  }
}

async function calibrate(instance: DuckDBInstance): Promise<number> {
  const connection = await instance.connect();
  try {
    return await measureRowsPerMs(connection);
  } finally {
    connection.closeSync();
  }
}
