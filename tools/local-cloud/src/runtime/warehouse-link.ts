import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The part of the warehouse stand-in's API the local cloud uses (tools/local-cloud/src/warehouse). */
export interface WarehouseServer {
  readonly url: string;
  readonly port: number;
  readonly sampleData?: { readonly rows: number; readonly generated: boolean; readonly millis: number };
  close(): Promise<void>;
}
export interface WarehouseStartOptions {
  readonly port: number;
  readonly stateDir: string;
  readonly sampleRows?: number;
  readonly region: string;
  readonly accountId: string;
  readonly enableTestFunctions?: boolean;
  readonly onStatusChange: (event: { source: string; 'detail-type': string; time: string; resources: string[]; detail: object }) => void;
  readonly onProgress: (line: string) => void;
}
type StartWarehouse = (options: WarehouseStartOptions) => Promise<WarehouseServer>;

/**
 * Loads `startRedshiftDataServer` from the warehouse stand-in when it exists (it is built in parallel);
 * resolves undefined while it does not.
 */
export async function loadWarehouse(): Promise<StartWarehouse | undefined> {
  const entry = new URL('../warehouse/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  const specifier = '../warehouse/index.js';
  const mod = (await import(specifier)) as { startRedshiftDataServer?: StartWarehouse };
  return mod.startRedshiftDataServer;
}
