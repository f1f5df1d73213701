/** Why a synthesis cannot proceed; `main.ts` prints the message and exits non-zero. */
export type InfraErrorCode = 'missing_bundle' | 'missing_catalog' | 'missing_web' | 'bad_option' | 'topology_drift';

export class InfraError extends Error {
  override readonly name = 'InfraError';
  constructor(
    readonly code: InfraErrorCode,
    message: string,
  ) {
    super(message);
  }
}
