import {
  functions,
  registryTable,
  statementStatusRule,
  sweeperSchedule,
  type RuleSpec,
  type ScheduleSpec,
  type TableSpec,
  type Trigger,
} from '@redwire/system';

/** The part of a function spec the local cloud needs (libs/system's FunctionSpec fits). */
export interface LocalFunction {
  readonly name: string;
  /** Source entry relative to the topology's root, exporting `handler`. */
  readonly entry: string;
  readonly trigger: Trigger;
  readonly environment: readonly string[];
  readonly timeoutSeconds: number;
}

/** Everything the local cloud wires: functions and what triggers them, event rules, schedules, tables. */
export interface Topology {
  readonly functions: readonly LocalFunction[];
  readonly rules: readonly RuleSpec[];
  readonly schedules: readonly ScheduleSpec[];
  readonly tables: readonly TableSpec[];
}

/** Redwire's real topology from libs/system. */
export function systemTopology(): Topology {
  return { functions, rules: [statementStatusRule], schedules: [sweeperSchedule], tables: [registryTable] };
}

export function functionsTriggeredBy<K extends Trigger['kind']>(
  topology: Topology,
  kind: K,
): (LocalFunction & { trigger: Extract<Trigger, { kind: K }> })[] {
  return topology.functions.filter((f): f is LocalFunction & { trigger: Extract<Trigger, { kind: K }> } => f.trigger.kind === kind);
}
