import { abandonGraceSecondsFromEnv, flowFromEnv, sweep, type SweepReport } from '@redwire/report-flow';

/** Scheduled every minute: settles subscriptions whose event never came and cancels abandoned statements. */
const deps = flowFromEnv('sweeper');
const abandonGraceSeconds = abandonGraceSecondsFromEnv();

export async function handler(): Promise<SweepReport> {
  return sweep(deps, { abandonGraceSeconds });
}
