import { SAMPLE_TABLE } from './setup-sql.js';

/** Where AWS sample data comes from: an `s3://` Parquet prefix and the role Redshift assumes to read it. */
export interface SampleDataSource {
  readonly url: string;
  readonly roleArn: string;
}

const S3_PREFIX = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*()/-]*)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/;

export class SampleDataConfigError extends Error {
  override readonly name = 'SampleDataConfigError';
}

/**
 * `COPY … FORMAT AS PARQUET` for the sample data. COPY takes no bound parameters, so both values
 * (deployment configuration, never user input) must match strict shapes that cannot carry a quote.
 */
export function sampleCopySql(source: SampleDataSource): string {
  if (!S3_PREFIX.test(source.url)) throw new SampleDataConfigError('the sample data URL must be an s3://bucket/prefix without quotes or spaces');
  if (!ROLE_ARN.test(source.roleArn)) throw new SampleDataConfigError('the sample data role must be an IAM role ARN');
  return `COPY ${SAMPLE_TABLE} FROM '${source.url}' IAM_ROLE '${source.roleArn}' FORMAT AS PARQUET`;
}

/** Both variables or neither (locally the warehouse stand-in generates the sample itself). */
export function sampleDataSourceFrom(url: string | undefined, roleArn: string | undefined): SampleDataSource | undefined {
  const u = url?.trim() || undefined;
  const r = roleArn?.trim() || undefined;
  if (u === undefined && r === undefined) return undefined;
  if (u === undefined || r === undefined) throw new SampleDataConfigError('set both REDWIRE_SAMPLE_DATA_URL and REDWIRE_SAMPLE_DATA_ROLE_ARN, or neither');
  const source = { url: u, roleArn: r };
  sampleCopySql(source);
  return source;
}
