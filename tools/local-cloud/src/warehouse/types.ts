/** The EventBridge event the Data API puts on the bus when a statement run `WithEvent: true` reaches a final state. */
export interface StatusChangeEvent {
  source: 'aws.redshift-data';
  'detail-type': 'Redshift Data Statement Status Change';
  time: string;
  region: string;
  account: string;
  resources: string[];
  detail: {
    principal: string;
    statementName?: string;
    statementId: string;
    redshiftQueryId: number;
    state: 'FINISHED' | 'FAILED' | 'ABORTED';
    rows: number;
    expireAt: number;
  };
}

export interface RedshiftDataServerOptions {
  /** Only loopback: nothing local is reachable from the network. */
  host?: '127.0.0.1';
  /** 0 picks an ephemeral port. */
  port: number;
  /** Holds `warehouse.duckdb`, statement metadata and results. Created if missing. */
  stateDir: string;
  /** Rows of synthetic trips to generate on first start; default `REDWIRE_SAMPLE_ROWS` or 12,000,000; 0 skips generation. */
  sampleRows?: number;
  /** DuckDB `memory_limit`, e.g. `'2GB'`; default `REDWIRE_DUCKDB_MEMORY` or `'2GB'`. */
  memoryLimit?: string;
  /** Registers `redwire_sleep(ms)` so cancel and timeout tests are deterministic. Never in `npm start`. */
  enableTestFunctions?: boolean;
  /** How long statements and results are kept; default 24 h. */
  resultRetentionMs?: number;
  /** Statements that run at once, each on its own DuckDB connection; default 4. */
  maxConcurrentStatements?: number;
  /** Called once per final state of a statement submitted with `WithEvent: true`. */
  onStatusChange?: (event: StatusChangeEvent) => void;
  /** Human-readable progress lines (sample generation). */
  onProgress?: (line: string) => void;
  /** Default `us-east-1`. */
  region?: string;
  /** Default `000000000000`. */
  accountId?: string;
}

export interface SampleDataInfo {
  table: string;
  rows: number;
  /** True when this start generated the rows; false when the table was already loaded. */
  generated: boolean;
  millis: number;
}

export interface RedshiftDataServer {
  /** `http://127.0.0.1:<port>`: pass as `endpoint` to `RedshiftDataClient` or `--endpoint-url` to the CLI. */
  url: string;
  port: number;
  /** The principal every statement runs as (it appears in events). */
  principal: string;
  /** What the sample-data step did on start. */
  sampleData: SampleDataInfo;
  /** Stops accepting requests, aborts running statements (recorded as ABORTED) and closes DuckDB. */
  close(): Promise<void>;
}
