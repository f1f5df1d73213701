/**
 * The one description of Redwire's system: functions and their triggers, routes,
 * the event rule and schedule, the table, environment names. Read by infra/ and
 * tools/local-cloud so AWS and local cannot drift. Plain data: no AWS SDK here.
 */
export * from './environment.js';
export * from './events.js';
export * from './functions.js';
export * from './routes.js';
export * from './table.js';
