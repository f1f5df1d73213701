import { relative } from 'node:path';
import { InfraError } from './errors.js';
import { synthesize } from './app.js';
import { parseSynthArgs } from './options.js';

// `nx run infra:synth` (or cdktf-cli through cdktf.json): Terraform JSON for identity, backend, web.
try {
  const options = parseSynthArgs(process.argv.slice(2));
  const { outdir, stacks } = synthesize(options);
  for (const stack of stacks) console.log(`synthesized ${relative(process.cwd(), `${outdir}/stacks/${stack}/cdk.tf.json`)}`);
} catch (error) {
  if (error instanceof InfraError) {
    console.error(`infra synth failed (${error.code}): ${error.message}`);
    process.exit(1);
  }
  throw error;
}
