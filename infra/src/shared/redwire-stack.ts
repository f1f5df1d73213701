import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { SynthOptions } from '../options.js';

/** Terraform 1.9+ lets a variable's validation read other variables (the Redshift target checks). */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.10.0';

/**
 * A stack with the AWS provider (region from AWS_REGION / the AWS profile), default tags and a
 * backend whose paths are relative, so the synthesized JSON is identical on every machine and
 * runs under plain `terraform` from `cdktf.out/stacks/<stack>`.
 */
export class RedwireStack extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    readonly options: SynthOptions,
  ) {
    super(scope, id);
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    new AwsProvider(this, 'aws', {
      defaultTags: [{ tags: { application: 'redwire', deployment: options.prefix, stack: id } }],
    });
    if (options.stateBucket) {
      new S3Backend(this, {
        bucket: options.stateBucket,
        key: `${options.prefix}/${id}.tfstate`,
        region: options.stateRegion,
        encrypt: true,
      });
      // S3-native state locking (Terraform 1.10+); cdktf 0.21's S3Backend has no field for it yet.
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    } else {
      // Relative to cdktf.out/stacks/<id>: the state lives next to cdktf.out (infra/ by default),
      // outside the folder a synth rewrites, and sibling stacks find it by the same path.
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    }
  }

  /** A Terraform output named `name` (outputs have their own namespace; construct ids do not). */
  output(name: string, value: unknown, description?: string): TerraformOutput {
    const output = new TerraformOutput(this, `output_${name}`, { value, ...(description ? { description } : {}) });
    output.overrideLogicalId(name);
    return output;
  }

  /** `<prefix>-<name>`, the AWS name of a resource. */
  name(suffix: string): string {
    return `${this.options.prefix}-${suffix}`;
  }
}
