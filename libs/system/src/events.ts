/** Statement names Redwire gives the Data API: `redwire:<report>:<subscription key>`. */
export const STATEMENT_NAME_PREFIX = 'redwire:';

export const STATEMENT_STATUS_SOURCE = 'aws.redshift-data';
export const STATEMENT_STATUS_DETAIL_TYPE = 'Redshift Data Statement Status Change';

/** An EventBridge event pattern (the subset of the pattern language Redwire uses). */
export type EventPattern = { readonly [field: string]: EventPattern | readonly PatternValue[] };
export type PatternValue =
  | string
  | number
  | boolean
  | null
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly 'anything-but': string | number | readonly (string | number)[] | { readonly prefix: string } }
  | { readonly exists: boolean }
  | { readonly numeric: readonly (string | number)[] };

export interface RuleSpec {
  readonly name: string;
  readonly description: string;
  readonly eventPattern: EventPattern;
}

export interface ScheduleSpec {
  readonly name: string;
  readonly description: string;
  /** EventBridge schedule expression, e.g. `rate(1 minute)`. */
  readonly expression: string;
}

/** Terminal Data API statements started by Redwire → notify. */
export const statementStatusRule: RuleSpec = {
  name: 'statement-status',
  description: 'Redshift Data API statements started by Redwire reached a final state',
  eventPattern: {
    source: [STATEMENT_STATUS_SOURCE],
    'detail-type': [STATEMENT_STATUS_DETAIL_TYPE],
    detail: {
      statementName: [{ prefix: STATEMENT_NAME_PREFIX }],
      state: ['FINISHED', 'FAILED', 'ABORTED'],
    },
  },
};

/** Reconciles subscriptions whose event never came and cancels abandoned statements. */
export const sweeperSchedule: ScheduleSpec = {
  name: 'sweeper',
  description: 'Finish stuck subscriptions, free slots, cancel abandoned statements',
  expression: 'rate(1 minute)',
};
