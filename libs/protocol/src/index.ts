export * from './version.js';
export * from './errors.js';
export * from './ids.js';
export * from './chart.js';
export * from './http/report-summary.js';
