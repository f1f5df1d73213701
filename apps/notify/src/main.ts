import type { EventBridgeEvent } from 'aws-lambda';
import { flowFromEnv, notifyStatement } from '@redwire/report-flow';

/**
 * EventBridge target of "Redshift Data Statement Status Change" (rule: statementName prefix
 * `redwire:`). Throws on registry or warehouse failures so the event is retried, then dead-lettered.
 */
const deps = flowFromEnv('notify');

export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  await notifyStatement(deps, event);
}
