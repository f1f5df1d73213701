import { App } from 'cdktf';
import { assertInputsExist, type SynthOptions } from './options.js';
import { BackendStack } from './stacks/backend.stack.js';
import { IdentityStack } from './stacks/identity.stack.js';
import { WebStack } from './stacks/web.stack.js';

export const STACKS = ['identity', 'backend', 'web'] as const;
export type StackName = (typeof STACKS)[number];

/** Builds the three stacks and writes `<outdir>/stacks/<stack>/cdk.tf.json`. Throws InfraError on missing inputs. */
export function synthesize(options: SynthOptions): { outdir: string; stacks: readonly StackName[] } {
  assertInputsExist(options);
  const app = new App({ outdir: options.outdir, skipValidation: false });
  const identity = new IdentityStack(app, options);
  const backend = new BackendStack(app, options, identity);
  new WebStack(app, options, identity, backend);
  app.synth();
  return { outdir: options.outdir, stacks: STACKS };
}
