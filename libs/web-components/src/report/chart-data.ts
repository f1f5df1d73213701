import { chartColumns, type ChartHint } from '@redwire/protocol';
import { isNumericType, type Cell, type ResultColumn } from './cell-format.js';

/** One drawn point: `x`, a `series` (the measure's or the series column's name) and a numeric `value`. */
export interface ChartPoint {
  x: string | number | Date;
  series: string;
  value: number | null;
  /** Heatmap only: the row category. */
  y?: string | number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM-DD` or `YYYY-MM` as a UTC Date (so no time zone moves it), other values unchanged. */
export function temporalValue(value: string | number): string | number | Date {
  if (typeof value !== 'string') return value;
  const day = DAY.exec(value);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const month = MONTH.exec(value);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return value;
}

function numeric(cell: Cell | undefined): number | null {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return null;
  const value = typeof cell === 'number' ? cell : Number(cell);
  return Number.isFinite(value) ? value : null;
}

function category(cell: Cell | undefined): string | number {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? cell : String(cell);
}

/** Why a hint cannot be drawn from these columns, or `undefined` when it can. */
export function chartProblem(hint: ChartHint, columns: readonly ResultColumn[]): string | undefined {
  const names = new Set(columns.map((column) => column.name));
  const missing = chartColumns(hint).filter((name) => !names.has(name));
  return missing.length > 0 ? `The result has no column ${missing.join(', ')} to chart.` : undefined;
}

/**
 * The rows as long-format points for a chart: one point per row and measure
 * (or per row, split by the series column). Line charts get UTC dates on `x`;
 * bars keep categories as text.
 */
export function chartPoints(hint: ChartHint, columns: readonly ResultColumn[], rows: readonly Cell[][]): ChartPoint[] {
  const at = new Map(columns.map((column, index) => [column.name, index]));
  const cell = (row: readonly Cell[], name: string) => row[at.get(name) ?? -1];
  const xOf = (row: readonly Cell[]) => {
    const x = category(cell(row, hint.x));
    return hint.type === 'line' ? temporalValue(x) : x;
  };
  if (hint.type === 'heatmap') {
    return rows.map((row) => ({ x: category(cell(row, hint.x)), y: category(cell(row, hint.y[0])), series: hint.value, value: numeric(cell(row, hint.value)) }));
  }
  if (hint.series !== undefined) {
    const measure = hint.y[0] ?? '';
    return rows.map((row) => ({ x: xOf(row), series: String(category(cell(row, hint.series ?? ''))), value: numeric(cell(row, measure)) }));
  }
  return rows.flatMap((row) => hint.y.map((measure) => ({ x: xOf(row), series: measure, value: numeric(cell(row, measure)) })));
}

/** True when every measure the hint draws is a number column. */
export function measuresAreNumeric(hint: ChartHint, columns: readonly ResultColumn[]): boolean {
  const measures = hint.type === 'heatmap' ? [hint.value] : hint.y;
  return measures.every((name) => isNumericType(columns.find((column) => column.name === name)?.type ?? ''));
}
