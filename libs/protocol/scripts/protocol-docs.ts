// Writes (`write`) or verifies (`check`) the JSON Schema documents in docs/protocol/.
// Usage: node --import tsx libs/protocol/scripts/protocol-docs.ts write|check
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findDocsDrift, renderProtocolDocs } from '../src/json-schema/protocol-docs.js';

const docsDir = resolve(import.meta.dirname, '../../../docs/protocol');
const shown = relative(process.cwd(), docsDir) || '.';
const mode = process.argv[2];

function readCurrent(): Map<string, string> {
  let names: string[] = [];
  try {
    names = readdirSync(docsDir).filter((name) => name.endsWith('.json'));
  } catch {
    return new Map();
  }
  return new Map(names.map((name) => [name, readFileSync(join(docsDir, name), 'utf8')]));
}

const expected = renderProtocolDocs();
if (mode === 'write') {
  mkdirSync(docsDir, { recursive: true });
  for (const name of readCurrent().keys()) if (!expected.has(name)) rmSync(join(docsDir, name));
  for (const [name, text] of expected) writeFileSync(join(docsDir, name), text);
  console.log(`wrote ${expected.size} JSON Schema files to ${shown}`);
} else if (mode === 'check') {
  const problems = findDocsDrift(expected, readCurrent());
  if (problems.length > 0) {
    console.error(`${shown} is out of date with libs/protocol:`);
    for (const problem of problems) console.error(`  ${join(shown, problem)}`);
    console.error('Regenerate with: npx nx run protocol:generate-docs');
    process.exit(1);
  }
  console.log(`${shown}: ${expected.size} JSON Schema files match the schemas`);
} else {
  console.error('usage: protocol-docs.ts write|check');
  process.exit(2);
}
