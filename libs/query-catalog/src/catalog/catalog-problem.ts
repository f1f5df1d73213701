/** Why the catalog build refused a report file, and where. */
export interface CatalogProblem {
  /** The report file, relative to the reports folder. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export function formatProblem(problem: CatalogProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown by the catalog build when any report file is refused; `problems` names each file and line. */
export class CatalogBuildError extends Error {
  readonly code = 'catalog_invalid';
  constructor(readonly problems: readonly CatalogProblem[]) {
    super(`catalog refused:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'CatalogBuildError';
  }
}
