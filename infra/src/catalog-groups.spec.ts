import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogGroups } from './catalog-groups.js';
import { InfraError } from './errors.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function bundle(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'catalog.json'), content);
  return join(dir, 'catalog.json');
}

describe('catalogGroups', () => {
  it('collects every group the reports require, once, sorted', () => {
    const file = bundle(JSON.stringify({ reports: [{ id: 'a', groups: ['ops', 'analysts'] }, { id: 'b', groups: ['analysts'] }, { id: 'c', groups: [] }] }));
    expect(catalogGroups(file)).toEqual(['analysts', 'ops']);
  });

  it('rejects a group Cognito cannot name, and a bundle without reports', () => {
    expect(() => catalogGroups(bundle(JSON.stringify({ reports: [{ id: 'a', groups: ['has space'] }] })))).toThrow(/report a requires group "has space"/);
    expect(() => catalogGroups(bundle('{"version":1}'))).toThrow(InfraError);
    expect(() => catalogGroups(bundle('not json'))).toThrow(/not readable JSON/);
  });
});
