import { GetStatementResultCommand, type RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import type { Figure } from './bench-report.js';
import { SdkCallCounter } from './sdk-call-counter.js';
import { median } from './stats.js';

/** Reads every row of a finished statement and resolves the row count. */
export type RowReader = (statementId: string) => Promise<number>;

/** Raw paging with the SDK: GetStatementResult until there is no NextToken. */
export function rawSdkReader(client: RedshiftDataClient): RowReader {
  return async (statementId) => {
    let rows = 0;
    let NextToken: string | undefined;
    do {
      const page = await client.send(new GetStatementResultCommand({ Id: statementId, NextToken }));
      rows += page.Records?.length ?? 0;
      NextToken = page.NextToken;
    } while (NextToken);
    return rows;
  };
}

export interface TransportRun {
  readonly figure: Figure;
  readonly rawMs: number[];
  readonly redwireMs: number[];
  readonly rows: number;
  readonly sdkCalls: { raw: Record<string, number>; redwire: Record<string, number> };
}

/**
 * `result_overhead_ratio`: the same finished statement read `pairs` times each way, alternating
 * raw and Redwire so both see the same machine state; the ratio of the medians.
 */
export async function measureResultOverhead(
  statementId: string,
  raw: { read: RowReader; counter: SdkCallCounter },
  redwire: { read: RowReader; counter?: SdkCallCounter; label: string },
  pairs: number,
): Promise<TransportRun> {
  const rawMs: number[] = [];
  const redwireMs: number[] = [];
  let rows = -1;
  raw.counter.reset();
  redwire.counter?.reset();
  for (let i = 0; i < pairs; i += 1) {
    let started = performance.now();
    const rawRows = await raw.read(statementId);
    rawMs.push(performance.now() - started);
    started = performance.now();
    const redwireRows = await redwire.read(statementId);
    redwireMs.push(performance.now() - started);
    if (rawRows !== redwireRows) throw new Error(`raw paging read ${rawRows} rows, ${redwire.label} read ${redwireRows}`);
    rows = rawRows;
  }
  const per = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / pairs]));
  return {
    figure: {
      value: median(redwireMs) / median(rawMs),
      samples: pairs,
      note: `${rows} rows × 4 columns via ${redwire.label}; medians ${median(redwireMs).toFixed(0)} ms vs raw ${median(rawMs).toFixed(0)} ms`,
    },
    rawMs,
    redwireMs,
    rows,
    sdkCalls: { raw: per(raw.counter.snapshot()), redwire: per(redwire.counter?.snapshot() ?? {}) },
  };
}
