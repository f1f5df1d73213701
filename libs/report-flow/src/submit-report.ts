import { isRegistryError, statementNameFor, type Subscription } from '@redwire/connection-registry';
import { serverMessages, type ErrorCode, type SubmitMessage } from '@redwire/protocol';
import { prepareStatement } from '@redwire/query-catalog';
import { isWarehouseError } from '@redwire/warehouse';
import { deliver } from './deliver.js';
import type { MessageDependencies } from './flow-ports.js';
import type { Session } from './session.js';

/**
 * `submit`: catalog → groups → typed params → pending subscription (takes a slot) →
 * ExecuteStatement with bound parameters, an event, and the name `redwire:<report>:<key>` →
 * statement id recorded → `accepted`. Every refusal is one typed `error` and changes nothing;
 * a failed ExecuteStatement finishes the subscription as failed (freeing the slot).
 */
export async function submitReport(deps: MessageDependencies, session: Session, message: SubmitMessage): Promise<void> {
  const { requestId, topic } = message;
  const log = session.logger.child({ requestId });
  const refuse = (code: ErrorCode, text: string) => deliver({ ...deps, logger: log }, session.connectionId, serverMessages.error(code, text, { requestId }));

  const prepared = prepareStatement(await deps.catalog(), message.report, message.params, session.identity.groups);
  if (!prepared.ok) {
    log.info({ code: prepared.error.code, reportId: message.report }, 'submit refused');
    await refuse(prepared.error.code, prepared.error.message);
    return;
  }

  let subscription: Subscription;
  try {
    subscription = await deps.registry.subscriptions.createPending({
      requestId,
      connectionId: session.connectionId,
      topic,
      userId: session.identity.userId,
      reportId: message.report,
    });
  } catch (error) {
    if (!isRegistryError(error, 'too_many_statements')) throw error;
    log.info('submit refused: every running slot is taken');
    await refuse('too_many_statements', error.message);
    return;
  }

  let statementId: string;
  try {
    ({ statementId } = await deps.runner.execute({
      sql: prepared.statement.sql,
      parameters: Object.fromEntries(prepared.statement.parameters.map((p) => [p.name, p.value])),
      statementName: statementNameFor(message.report, subscription.key),
      clientToken: subscription.key,
      withEvent: true,
    }));
  } catch (error) {
    const code: ErrorCode = isWarehouseError(error) ? error.code : 'unavailable';
    const text = isWarehouseError(error) ? error.message : 'the warehouse could not start the report; try again shortly';
    log.error({ err: error, code }, 'ExecuteStatement failed');
    await deps.registry.subscriptions.finish(subscription.key, { state: 'failed', error: { code, message: text } });
    await refuse(code, text);
    return;
  }

  const running = await deps.registry.subscriptions.attachStatement(subscription.key, statementId);
  log.info({ statementId, reportId: message.report }, 'statement submitted');
  await deliver({ ...deps, logger: log }, session.connectionId, serverMessages.accepted({ requestId, topic, statementId, submittedAt: running.createdAt }));
}
