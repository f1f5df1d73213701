import { dirname, join } from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { functions, type Capability, type EnvName, type FunctionSpec } from '@redwire/system';
import { AssetType, Fn, TerraformAsset, TerraformIterator, TerraformLocal, type TerraformVariable } from 'cdktf';
import { InfraError } from '../errors.js';
import { bundlePath } from '../options.js';
import { zipDirectory } from '../shared/deterministic-zip.js';
import { policyDocument, trustPolicy, type PolicyStatement } from '../shared/policy.js';
import type { RedwireStack } from '../shared/redwire-stack.js';
import { statementsFor, type CapabilityScope } from './capabilities.js';

/** Value of each environment name in AWS; `null` = deliberately not set there. Typed over every name, so a new name fails typecheck here. */
export type EnvironmentValues = Record<EnvName, string | null>;

export interface DeployedFunction {
  readonly spec: FunctionSpec;
  readonly lambda: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;
}

export const RUNTIME = 'nodejs22.x';
export const ARCHITECTURE = 'arm64';
export const STATEMENT_RUNNER_ROLE = 'statement-runner';

/**
 * One Lambda per function of libs/system: its bundle zipped at synth time, its own log group with
 * retention, its role (its own, or the shared statement-runner role) with least-privilege statements.
 */
export function deployFunctions(
  stack: RedwireStack,
  env: EnvironmentValues,
  scope: CapabilityScope,
  logRetention: TerraformVariable,
  extraRunnerStatements: readonly PolicyStatement[],
): { functions: Map<string, DeployedFunction>; runnerRole: IamRole; runnerPolicy: IamRolePolicy } {
  const logGroups = new Map(
    functions.map((spec) => [
      spec.name,
      new CloudwatchLogGroup(stack, `${id(spec)}_logs`, {
        name: `/aws/lambda/${stack.name(spec.name)}`,
        retentionInDays: logRetention.numberValue,
      }),
    ]),
  );
  const logGroupOf = (spec: FunctionSpec): CloudwatchLogGroup => {
    const group = logGroups.get(spec.name);
    if (!group) throw new InfraError('topology_drift', `no log group for ${spec.name}`);
    return group;
  };
  const runners = functions.filter((spec) => spec.role === 'statement-runner');
  const runnerRole = new IamRole(stack, 'statement_runner_role', {
    name: stack.name(STATEMENT_RUNNER_ROLE),
    description: 'Runs, describes, cancels and reads Redshift Data API statements for every Redwire function that touches them',
    assumeRolePolicy: trustPolicy('lambda.amazonaws.com'),
  });
  const runnerPolicy = grantBasics(stack, 'statement_runner', runnerRole, runners.map((spec) => logGroupOf(spec)), runners.flatMap((spec) => spec.needs), scope, extraRunnerStatements);

  const deployed = new Map<string, DeployedFunction>();
  for (const spec of functions) {
    const logGroup = logGroupOf(spec);
    let role = runnerRole;
    if (spec.role === 'own') {
      role = new IamRole(stack, `${id(spec)}_role`, {
        name: stack.name(spec.name),
        assumeRolePolicy: trustPolicy('lambda.amazonaws.com'),
      });
      grantBasics(stack, id(spec), role, [logGroup], spec.needs, scope, []);
    }
    const zip = join(stack.options.outdir, 'bundles', `${spec.name}.zip`);
    zipDirectory(dirname(bundlePath(stack.options, spec)), zip, isBuildMetadata);
    const asset = new TerraformAsset(stack, `${id(spec)}_bundle`, { path: zip, type: AssetType.FILE });
    const lambda = new LambdaFunction(stack, `${id(spec)}_function`, {
      functionName: stack.name(spec.name),
      runtime: RUNTIME,
      architectures: [ARCHITECTURE],
      handler: handlerOf(spec),
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
      role: role.arn,
      timeout: spec.timeoutSeconds,
      memorySize: spec.memoryMb,
      environment: { variables: environmentOf(stack, spec, env) },
      dependsOn: [logGroup],
    });
    deployed.set(spec.name, { spec, lambda, role, logGroup });
  }
  return { functions: deployed, runnerRole, runnerPolicy };
}

/** esbuild's metafile (and source maps) sit next to the bundle; the function does not need them. */
function isBuildMetadata(path: string): boolean {
  return path === 'meta.json' || path.endsWith('.map');
}

/** `main.handler` for `dist/apps/<name>/main.js`. */
export function handlerOf(spec: FunctionSpec): string {
  const file = spec.bundle.split('/').pop() ?? '';
  return `${file.replace(/\.(m?js|cjs)$/, '')}.handler`;
}

/** The function's environment, dropping names whose value is empty in this deployment (a Terraform for-expression). */
function environmentOf(stack: RedwireStack, spec: FunctionSpec, env: EnvironmentValues): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of spec.environment) {
    const value = env[name];
    if (value === undefined) throw new InfraError('topology_drift', `function ${spec.name}: no value for environment name ${name}`);
    if (value !== null) values[name] = value;
  }
  // A local keeps the references intact; the for-expression over it drops the empty ones.
  const local = new TerraformLocal(stack, `${id(spec)}_environment`, values);
  const nonEmpty = TerraformIterator.fromMap(local.asStringMap).forExpressionForMap('key', 'val if val != ""');
  return nonEmpty as unknown as Record<string, string>;
}

function grantBasics(
  stack: RedwireStack,
  prefix: string,
  role: IamRole,
  logGroups: readonly CloudwatchLogGroup[],
  needs: readonly Capability[],
  scope: CapabilityScope,
  extra: readonly PolicyStatement[],
): IamRolePolicy {
  const statements: PolicyStatement[] = [
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: logGroups.map((group) => `${group.arn}:log-stream:*`),
    },
    ...statementsFor(needs, scope),
    ...extra,
  ];
  return new IamRolePolicy(stack, `${prefix}_policy`, { name: 'least-privilege', role: role.id, policy: policyDocument(statements) });
}

function id(spec: FunctionSpec): string {
  return spec.name.replace(/-/g, '_');
}
