import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './parse-env.js';
import { connectionsEnv, cursorSecretEnv, limitsEnv, logLevelEnv, registryEnv, warehouseEnv } from './sections.js';

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('warehouse target', () => {
  it('reads a provisioned cluster with a database user', () => {
    const { warehouse } = parseEnv(
      { warehouse: warehouseEnv },
      { REDWIRE_CLUSTER_IDENTIFIER: 'redwire-dev', REDWIRE_DATABASE: 'dev', REDWIRE_DB_USER: 'reports_ro' },
    );
    expect(warehouse).toEqual({
      kind: 'cluster',
      clusterIdentifier: 'redwire-dev',
      database: 'dev',
      credentials: { kind: 'db-user', dbUser: 'reports_ro' },
    });
  });

  it('reads a serverless workgroup with a secret, and IAM identity when neither credential is set', () => {
    const secret = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:redwire-abc';
    expect(parseEnv({ w: warehouseEnv }, { REDWIRE_WORKGROUP_NAME: 'wg', REDWIRE_DATABASE: 'dev', REDWIRE_SECRET_ARN: secret }).w).toEqual({
      kind: 'workgroup',
      workgroupName: 'wg',
      database: 'dev',
      credentials: { kind: 'secret', secretArn: secret },
    });
    expect(parseEnv({ w: warehouseEnv }, { REDWIRE_WORKGROUP_NAME: 'wg', REDWIRE_DATABASE: 'dev' }).w.credentials).toEqual({ kind: 'iam' });
  });

  it('names every missing variable at once', () => {
    const problems = problemsOf(() => parseEnv({ warehouse: warehouseEnv, registry: registryEnv }, {}));
    expect(problems).toEqual([
      'REDWIRE_CLUSTER_IDENTIFIER or REDWIRE_WORKGROUP_NAME must be set (the Redshift target)',
      'REDWIRE_DATABASE is missing (the database to run reports in)',
      'REDWIRE_TABLE_NAME is missing (the registry DynamoDB table name)',
    ]);
  });

  it('refuses both targets, a database user without a cluster, and a database user with a secret', () => {
    const problems = problemsOf(() =>
      parseEnv(
        { warehouse: warehouseEnv },
        { REDWIRE_CLUSTER_IDENTIFIER: 'c', REDWIRE_WORKGROUP_NAME: 'w', REDWIRE_DATABASE: 'dev', REDWIRE_DB_USER: 'u', REDWIRE_SECRET_ARN: 's' },
      ),
    );
    expect(problems).toEqual([
      'REDWIRE_CLUSTER_IDENTIFIER and REDWIRE_WORKGROUP_NAME are both set; set exactly one',
      'REDWIRE_DB_USER and REDWIRE_SECRET_ARN are both set; set at most one',
    ]);
    expect(problemsOf(() => parseEnv({ w: warehouseEnv }, { REDWIRE_WORKGROUP_NAME: 'w', REDWIRE_DATABASE: 'd', REDWIRE_DB_USER: 'u' }))).toEqual([
      'REDWIRE_DB_USER needs REDWIRE_CLUSTER_IDENTIFIER: a database user works only with a provisioned cluster',
    ]);
  });

  it('treats empty values as unset', () => {
    expect(problemsOf(() => parseEnv({ w: warehouseEnv }, { REDWIRE_CLUSTER_IDENTIFIER: '  ', REDWIRE_WORKGROUP_NAME: 'w' }))).toEqual([
      'REDWIRE_DATABASE is missing (the database to run reports in)',
    ]);
  });
});

describe('other sections', () => {
  it('defaults the limits to 5 running statements and 120 s of grace', () => {
    expect(parseEnv({ limits: limitsEnv }, {}).limits).toEqual({ maxRunningPerUser: 5, abandonGraceSeconds: 120 });
    expect(parseEnv({ limits: limitsEnv }, { REDWIRE_MAX_RUNNING_PER_USER: '2', REDWIRE_ABANDON_GRACE_SECONDS: '300' }).limits).toEqual({
      maxRunningPerUser: 2,
      abandonGraceSeconds: 300,
    });
  });

  it('rejects limits that are not whole numbers in range', () => {
    expect(problemsOf(() => parseEnv({ l: limitsEnv }, { REDWIRE_MAX_RUNNING_PER_USER: 'five', REDWIRE_ABANDON_GRACE_SECONDS: '0' }))).toEqual([
      'REDWIRE_MAX_RUNNING_PER_USER must be a whole number from 1 to 100',
      'REDWIRE_ABANDON_GRACE_SECONDS must be at least 10',
    ]);
  });

  it('reads the connections URL and refuses anything but http(s)', () => {
    const url = 'https://abc.execute-api.eu-west-1.amazonaws.com/prod';
    expect(parseEnv({ c: connectionsEnv }, { REDWIRE_CONNECTIONS_URL: url }).c).toEqual({ connectionsUrl: url });
    expect(problemsOf(() => parseEnv({ c: connectionsEnv }, { REDWIRE_CONNECTIONS_URL: 'ftp://x/y' }))).toEqual([
      'REDWIRE_CONNECTIONS_URL must be an http(s) URL',
    ]);
  });

  it('refuses a short cursor secret without printing it', () => {
    const secret = 'short-secret-value';
    let message = '';
    try {
      parseEnv({ cursor: cursorSecretEnv }, { REDWIRE_CURSOR_SECRET: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Invalid configuration:\n  - REDWIRE_CURSOR_SECRET must be at least 32 characters long');
    expect(message).not.toContain(secret);
    expect(parseEnv({ cursor: cursorSecretEnv }, { REDWIRE_CURSOR_SECRET: 'x'.repeat(32) }).cursor.cursorSecret).toHaveLength(32);
  });

  it('defaults the log level to info and rejects unknown levels', () => {
    expect(parseEnv({ level: logLevelEnv }, {}).level).toBe('info');
    expect(parseEnv({ level: logLevelEnv }, { REDWIRE_LOG_LEVEL: 'debug' }).level).toBe('debug');
    expect(problemsOf(() => parseEnv({ level: logLevelEnv }, { REDWIRE_LOG_LEVEL: 'loud' }))[0]).toMatch(/^REDWIRE_LOG_LEVEL must be one of fatal, error/);
  });
});
