import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { statementStatusRule, sweeperSchedule } from '@redwire/system';
import { policyDocument } from '../shared/policy.js';
import type { RedwireStack } from '../shared/redwire-stack.js';
import type { DeployedFunction } from './functions.construct.js';
import { onlyFunction } from './websocket-api.construct.js';

const FOURTEEN_DAYS = 14 * 24 * 3600;

/** Queues created before the functions: notify's role must be allowed to send its failures there. */
export function notifyFailureQueues(stack: RedwireStack): { undeliveredEvents: SqsQueue; failedInvocations: SqsQueue } {
  return {
    // Events EventBridge could not deliver to notify (throttled, deleted, permission missing).
    undeliveredEvents: new SqsQueue(stack, 'notify_undelivered_events', {
      name: stack.name('notify-undelivered-events'),
      messageRetentionSeconds: FOURTEEN_DAYS,
      sqsManagedSseEnabled: true,
    }),
    // Events notify received but failed to handle after Lambda's asynchronous retries.
    failedInvocations: new SqsQueue(stack, 'notify_failed_invocations', {
      name: stack.name('notify-failed-invocations'),
      messageRetentionSeconds: FOURTEEN_DAYS,
      sqsManagedSseEnabled: true,
    }),
  };
}

/** Statement status rule → notify (with both dead-letter paths) and the sweeper's schedule. */
export function eventWiring(
  stack: RedwireStack,
  functions: ReadonlyMap<string, DeployedFunction>,
  queues: ReturnType<typeof notifyFailureQueues>,
): void {
  const notify = onlyFunction(functions, (f) => f.spec.trigger.kind === 'event-rule' && f.spec.trigger.rule === statementStatusRule.name);
  const rule = new CloudwatchEventRule(stack, 'statement_status_rule', {
    name: stack.name(statementStatusRule.name),
    description: statementStatusRule.description,
    eventPattern: JSON.stringify(statementStatusRule.eventPattern),
  });
  new CloudwatchEventTarget(stack, 'statement_status_to_notify', {
    rule: rule.name,
    targetId: 'notify',
    arn: notify.lambda.arn,
    deadLetterConfig: { arn: queues.undeliveredEvents.arn },
    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 20 },
  });
  new SqsQueuePolicy(stack, 'notify_undelivered_events_policy', {
    queueUrl: queues.undeliveredEvents.url,
    policy: policyDocument([
      {
        Sid: 'EventBridgeDeadLetters',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['sqs:SendMessage'],
        Resource: [queues.undeliveredEvents.arn],
        Condition: { ArnEquals: { 'aws:SourceArn': rule.arn } },
      },
    ]),
  });
  new LambdaPermission(stack, 'notify_invoke_from_rule', {
    statementId: 'statement-status-rule',
    action: 'lambda:InvokeFunction',
    functionName: notify.lambda.functionName,
    principal: 'events.amazonaws.com',
    sourceArn: rule.arn,
  });
  new LambdaFunctionEventInvokeConfig(stack, 'notify_async_config', {
    functionName: notify.lambda.functionName,
    maximumRetryAttempts: 2,
    maximumEventAgeInSeconds: 3600,
    destinationConfig: { onFailure: { destination: queues.failedInvocations.arn } },
  });

  const sweeper = onlyFunction(functions, (f) => f.spec.trigger.kind === 'schedule' && f.spec.trigger.schedule === sweeperSchedule.name);
  const schedule = new CloudwatchEventRule(stack, 'sweeper_schedule', {
    name: stack.name(sweeperSchedule.name),
    description: sweeperSchedule.description,
    scheduleExpression: sweeperSchedule.expression,
  });
  new CloudwatchEventTarget(stack, 'sweeper_schedule_target', { rule: schedule.name, targetId: 'sweeper', arn: sweeper.lambda.arn });
  new LambdaPermission(stack, 'sweeper_invoke_from_schedule', {
    statementId: 'sweeper-schedule',
    action: 'lambda:InvokeFunction',
    functionName: sweeper.lambda.functionName,
    principal: 'events.amazonaws.com',
    sourceArn: schedule.arn,
  });
  // The next tick runs within a minute: retrying a stale sweep only piles up work.
  new LambdaFunctionEventInvokeConfig(stack, 'sweeper_async_config', {
    functionName: sweeper.lambda.functionName,
    maximumRetryAttempts: 0,
    maximumEventAgeInSeconds: 60,
  });
}

/**
 * An alarm on each of notify's dead-letter queues: a message there is an outcome a user was never
 * told (the sweeper settles the subscription within minutes, but the cause wants a look). Both
 * alarms notify one SNS topic; subscribe to it (e-mail, chat, pager) after the first apply.
 */
export function deadLetterAlarms(stack: RedwireStack, queues: ReturnType<typeof notifyFailureQueues>): SnsTopic {
  const topic = new SnsTopic(stack, 'alarms', { name: stack.name('alarms') });
  const watched = [
    ['notify_undelivered_events_alarm', queues.undeliveredEvents, 'Statement status events EventBridge could not deliver to notify'],
    ['notify_failed_invocations_alarm', queues.failedInvocations, 'Statement status events notify failed to handle after its retries'],
  ] as const;
  for (const [id, queue, what] of watched) {
    new CloudwatchMetricAlarm(stack, id, {
      alarmName: `${queue.name}-not-empty`,
      alarmDescription: `${what} are waiting in ${queue.name}. Users were not told these outcomes (the sweeper settles them); look at notify's logs, then redrive or purge the queue.`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queue.name },
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: [topic.arn],
      okActions: [topic.arn],
    });
  }
  return topic;
}
