import type { AddressInfo } from 'node:net';
import { DataApiService } from './data-api/data-api-service.js';
import { createDataApiHttpServer } from './data-api/http-endpoint.js';
import { StatementRunner } from './data-api/statement-runner.js';
import { StatementStore } from './data-api/statement-store.js';
import { WarehouseEngine } from './engine/warehouse-engine.js';
import { ensureSampleData, sampleRowsFrom } from './sample-data/sample-data.js';
import { statusChangeEvent } from './status-change-event.js';
import type { RedshiftDataServer, RedshiftDataServerOptions } from './types.js';

export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;
export const LOCAL_PRINCIPAL_ROLE = 'redwire-statement-runner';

/**
 * Starts DuckDB (file-backed in `stateDir`), generates the sample trips if the
 * table is empty, and serves the Redshift Data API on 127.0.0.1.
 */
export async function startRedshiftDataServer(options: RedshiftDataServerOptions): Promise<RedshiftDataServer> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const principal = `arn:aws:sts::${accountId}:assumed-role/${LOCAL_PRINCIPAL_ROLE}/local`;
  const retentionMs = options.resultRetentionMs ?? DEFAULT_RETENTION_MS;
  const sampleRows = sampleRowsFrom(options.sampleRows);
  const engine = await WarehouseEngine.open({
    stateDir: options.stateDir,
    memoryLimit: options.memoryLimit ?? process.env['REDWIRE_DUCKDB_MEMORY'] ?? '2GB',
    poolSize: options.maxConcurrentStatements ?? 4,
    enableTestFunctions: options.enableTestFunctions ?? false,
  });
  let closeables: (() => Promise<void> | void)[] = [() => engine.close()];
  try {
    const setup = await engine.connect();
    const sampleData = await ensureSampleData(setup, sampleRows, options.onProgress).finally(() => setup.closeSync());
    const store = await StatementStore.open(options.stateDir, retentionMs);
    const runner = new StatementRunner(engine.pool, store, (record) => {
      if (record.withEvent) options.onStatusChange?.(statusChangeEvent(record, { principal, region, accountId }, retentionMs));
    }, engine.caches);
    const service = new DataApiService(store, runner);
    const server = createDataApiHttpServer(service.operations);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    const expiry = setInterval(() => void store.expire(), Math.min(retentionMs, 60_000));
    expiry.unref();
    closeables = [
      () => clearInterval(expiry),
      () => new Promise<void>((resolve) => server.close(() => resolve())),
      () => runner.stop(),
      () => store.flush(),
      ...closeables,
    ];
    const port = (server.address() as AddressInfo).port;
    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      principal,
      sampleData,
      close: () => (closing ??= closeAll(closeables, () => server.closeAllConnections())),
    };
  } catch (error) {
    await closeAll(closeables);
    throw error;
  }
}

async function closeAll(closeables: (() => Promise<void> | void)[], beforeAll?: () => void): Promise<void> {
  beforeAll?.();
  for (const close of closeables) await close();
}
