import { cpus, freemem, loadavg, totalmem, type as osType, release } from 'node:os';
import { FIGURES, meetsTarget, type FigureKey } from './bench-keys.js';

/** One measured figure: its value, how many samples it rests on, and notes on how it was measured. */
export interface Figure {
  readonly value: number;
  readonly samples: number;
  readonly note?: string;
}

export interface MachineInfo {
  readonly node: string;
  readonly os: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryMb: number;
  readonly freeMemoryMb: number;
  /** 1, 5 and 15 minute load averages when the run started and ended. */
  readonly loadAtStart: readonly number[];
  readonly loadAtEnd?: readonly number[];
}

/** `tools/bench/results/latest.json`. */
export interface BenchResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  readonly profile: string;
  readonly machine: MachineInfo;
  /** Every key of the issue; a figure that could not be measured is `null` with its reason in `missing`. */
  readonly figures: Record<FigureKey, Figure | null>;
  readonly missing: Partial<Record<FigureKey, string>>;
  /** Supporting measurements (per-handler cold starts, SDK calls per path …). */
  readonly details: Record<string, unknown>;
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    node: process.version,
    os: `${osType()} ${release()}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    loadAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function formatValue(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The markdown table printed at the end and pasted into docs/performance.md. */
export function markdownTable(result: Pick<BenchResult, 'figures' | 'missing'>): string {
  const lines = ['| key | value | target | met | samples |', '|---|---:|---|---|---:|'];
  for (const spec of FIGURES) {
    const figure = result.figures[spec.key];
    const target = `${spec.bound === 'max' ? '≤' : '≥'} ${spec.target} ${spec.unit}`;
    if (!figure) {
      lines.push(`| \`${spec.key}\` | — | ${target} | not measured: ${result.missing[spec.key] ?? 'unknown'} | 0 |`);
      continue;
    }
    const met = meetsTarget(spec, figure.value) ? 'yes' : '**no**';
    lines.push(`| \`${spec.key}\` | ${formatValue(figure.value)} ${spec.unit} | ${target} | ${met} | ${figure.samples} |`);
  }
  return lines.join('\n');
}
