import {
  CancelStatementCommand,
  DescribeStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import type { WarehouseTarget } from '@redwire/config';
import type { ResultPage } from '@redwire/protocol';
import { csvHeader, csvLine } from './csv.js';
import { toDataApiTarget, type DataApiTarget } from './data-api-target.js';
import { keepIntegersExact } from './exact-integers.middleware.js';
import { ResultCursors, type ResultPosition } from './result-cursor.js';
import { DEFAULT_PAGE_LIMITS, readBoundedPage, type BoundedPage, type DataApiPage, type PageLimits } from './result-pager.js';
import { toStatementDescription, type StatementDescription } from './statement-status.js';
import { WarehouseError, translateDataApiError } from './warehouse-error.js';

export interface WarehouseOptions {
  /** `redshiftDataClient()` from @redwire/config in handlers. */
  readonly client: RedshiftDataClient;
  readonly target: WarehouseTarget;
  /** HMAC key for result cursors (REDWIRE_CURSOR_SECRET); needed only to read results. */
  readonly cursorSecret?: string;
  readonly pageLimits?: PageLimits;
  readonly now?: () => Date;
}

export interface ExecuteInput {
  readonly sql: string;
  /** Data API named parameters (`:name` in the SQL); values are sent as strings, never spliced. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `redwire:<report>:<key>` — notify finds the subscription by it. */
  readonly statementName: string;
  /** Idempotency token (1–64 chars); a retried call with the same token does not run twice. */
  readonly clientToken?: string;
  /** Ask for the EventBridge status-change event (true for reports). */
  readonly withEvent: boolean;
}

export interface ResultReadOptions {
  /** The user the cursors are issued to and accepted from (results-api passes the caller). */
  readonly owner?: string;
}

/** One result page as the JSON text of its {@link ResultPage}, with what the caller may need without parsing it. */
export interface ResultPageJson {
  readonly json: string;
  readonly rows: number;
  readonly cursor?: string;
}

/** Something CSV text can be written to (an array collector, a stream …). */
export interface CsvSink {
  write(chunk: string): unknown;
}

const PARAMETER_NAME = /^[0-9a-zA-Z_]+$/;

/** A small typed client over the Redshift Data API for Redwire's statements and results. */
export class Warehouse {
  private readonly target: DataApiTarget;
  private readonly cursors: ResultCursors | undefined;
  private readonly limits: PageLimits;
  private readonly now: () => Date;

  constructor(private readonly options: WarehouseOptions) {
    this.target = toDataApiTarget(options.target);
    this.cursors = options.cursorSecret === undefined ? undefined : new ResultCursors(options.cursorSecret);
    this.limits = options.pageLimits ?? DEFAULT_PAGE_LIMITS;
    this.now = options.now ?? (() => new Date());
    keepIntegersExact(options.client);
  }

  /** Starts a statement; returns its Data API id. Bad parameters fail before anything is sent. */
  async execute(input: ExecuteInput): Promise<{ statementId: string }> {
    const parameters = Object.entries(input.parameters ?? {}).map(([name, value]) => {
      if (!PARAMETER_NAME.test(name)) throw new WarehouseError('invalid_params', `parameter name ${JSON.stringify(name)} is not allowed`);
      if (typeof value !== 'string' || value.length === 0) throw new WarehouseError('invalid_params', `parameter ${name} needs a non-empty text value`);
      return { name, value };
    });
    try {
      const output = await this.options.client.send(
        new ExecuteStatementCommand({
          ...this.target,
          Sql: input.sql,
          ...(parameters.length > 0 ? { Parameters: parameters } : {}),
          StatementName: input.statementName,
          WithEvent: input.withEvent,
          ...(input.clientToken ? { ClientToken: input.clientToken } : {}),
        }),
      );
      if (!output.Id) throw new Error('ExecuteStatement returned no Id');
      return { statementId: output.Id };
    } catch (error) {
      return translateDataApiError(error);
    }
  }

  async describe(statementId: string): Promise<StatementDescription> {
    try {
      return toStatementDescription(await this.options.client.send(new DescribeStatementCommand({ Id: statementId })), this.now());
    } catch (error) {
      return translateDataApiError(error, statementId);
    }
  }

  /** Asks the warehouse to stop the statement; false when there was nothing left to cancel. */
  async cancel(statementId: string): Promise<boolean> {
    try {
      return (await this.options.client.send(new CancelStatementCommand({ Id: statementId }))).Status ?? false;
    } catch (error) {
      if (error instanceof Error && error.name === 'ValidationException') return false;
      return translateDataApiError(error, statementId);
    }
  }

  /**
   * One bounded page of typed rows; pass the previous page's `cursor` to continue. With `owner`,
   * the page's cursor is bound to that user, and a cursor is accepted only from the user it was
   * issued to (see {@link ResultCursors}).
   */
  async readResultPage(statementId: string, cursor?: string, options: ResultReadOptions = {}): Promise<ResultPage> {
    const { page, next } = await this.boundedPage(statementId, cursor, options.owner);
    return { columns: page.columns, rows: page.rows, ...(next ? { cursor: next } : {}) };
  }

  /**
   * The same page as {@link readResultPage}, as its JSON text (`JSON.stringify` of that page,
   * byte for byte), built while the page was bounded instead of serializing every row again.
   */
  async readResultPageJson(statementId: string, cursor?: string, options: ResultReadOptions = {}): Promise<ResultPageJson> {
    const { page, next } = await this.boundedPage(statementId, cursor, options.owner);
    const json = `{"columns":${JSON.stringify(page.columns)},"rows":${page.rowsJson}${next ? `,"cursor":${JSON.stringify(next)}` : ''}}`;
    return next ? { json, rows: page.rows.length, cursor: next } : { json, rows: page.rows.length };
  }

  private async boundedPage(statementId: string, cursor: string | undefined, owner: string | undefined): Promise<{ page: BoundedPage; next?: string }> {
    const cursors = this.requireCursors();
    const start = cursor === undefined ? { offset: 0 } : cursors.verify(statementId, cursor, owner);
    const page = await readBoundedPage((token) => this.fetchPage(statementId, token), start, this.limits);
    return page.next ? { page, next: cursors.sign(statementId, page.next, owner) } : { page };
  }

  /**
   * Writes the whole result as CSV (header, then rows), page by page, to `sink`. Fails with
   * `result_too_large` before writing the chunk that would pass `maxBytes`, so a sink that
   * buffers can discard everything; larger results need an export (UNLOAD to S3).
   */
  async writeCsv(statementId: string, sink: CsvSink, maxBytes: number): Promise<{ rows: number; bytes: number }> {
    let position: ResultPosition | undefined = { offset: 0 };
    let bytes = 0;
    let rows = 0;
    let header = true;
    while (position) {
      const page = await readBoundedPage((token) => this.fetchPage(statementId, token), position, this.limits);
      const types = page.columns.map((column) => column.type);
      const lines = (header ? [csvHeader(page.columns)] : []).concat(page.rows.map((row) => csvLine(row, types)));
      const chunk = lines.join('');
      bytes += Buffer.byteLength(chunk);
      if (bytes > maxBytes)
        throw new WarehouseError('result_too_large', `the CSV is larger than ${maxBytes} bytes; export the result to S3 instead`);
      sink.write(chunk);
      rows += page.rows.length;
      header = false;
      position = page.next;
    }
    return { rows, bytes };
  }

  private async fetchPage(statementId: string, nextToken: string | undefined): Promise<DataApiPage> {
    try {
      const output = await this.options.client.send(new GetStatementResultCommand({ Id: statementId, NextToken: nextToken }));
      return { records: output.Records ?? [], columns: output.ColumnMetadata, nextToken: output.NextToken };
    } catch (error) {
      if (error instanceof Error && error.name === 'ValidationException' && nextToken !== undefined)
        throw new WarehouseError('invalid_cursor', 'the result cursor is no longer valid', { cause: error });
      return translateDataApiError(error, statementId);
    }
  }

  private requireCursors(): ResultCursors {
    if (!this.cursors) throw new Error('Warehouse needs cursorSecret to read results');
    return this.cursors;
  }
}
