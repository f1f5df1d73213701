export { startRedshiftDataServer, DEFAULT_RETENTION_MS, LOCAL_PRINCIPAL_ROLE } from './redshift-data-server.js';
export type { RedshiftDataServer, RedshiftDataServerOptions, SampleDataInfo, StatusChangeEvent } from './types.js';
export { ensureSampleData, writeParquet, sampleRowsFrom, SAMPLE_TABLE, DEFAULT_SAMPLE_ROWS } from './sample-data/sample-data.js';
