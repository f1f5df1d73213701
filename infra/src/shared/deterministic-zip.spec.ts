import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { zipDirectory } from './deterministic-zip.js';

/** Reads the entries back through the central directory, as unzip does. */
function readZip(file: string): Record<string, string> {
  const zip = readFileSync(file);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries[name] = inflateRawSync(zip.subarray(dataStart, dataStart + size)).toString('utf8');
    at += 46 + nameLength;
  }
  return entries;
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>, mtime: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'zip-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
    utimesSync(join(dir, name), mtime, mtime);
  }
  return dir;
}

describe('zipDirectory', () => {
  it('stores every file, nested ones with forward slashes, readable back', () => {
    const dir = folder({ 'main.mjs': 'export const handler = 1;', 'chunks/a.mjs': 'x'.repeat(5000) }, 1_700_000_000);
    zipDirectory(dir, join(dir, '..', `${dir.split('/').pop()}.zip`));
    dirs.push(`${dir}.zip`);
    expect(readZip(`${dir}.zip`)).toEqual({ 'chunks/a.mjs': 'x'.repeat(5000), 'main.mjs': 'export const handler = 1;' });
  });

  it('leaves out the files the filter excludes', () => {
    const dir = folder({ 'main.mjs': 'x', 'meta.json': '{}' }, 1_700_000_000);
    zipDirectory(dir, `${dir}.zip`, (path) => path === 'meta.json');
    dirs.push(`${dir}.zip`);
    expect(Object.keys(readZip(`${dir}.zip`))).toEqual(['main.mjs']);
  });

  it('gives identical bytes for identical content whatever the file times', () => {
    const files = { 'main.mjs': 'export const handler = 2;', 'main.mjs.map': '{}' };
    const [a, b] = [folder(files, 1_600_000_000), folder(files, 1_700_000_000)] as [string, string];
    zipDirectory(a, join(a, 'out', 'a.zip'));
    zipDirectory(b, join(b, 'out', 'b.zip'));
    expect(readFileSync(join(a, 'out', 'a.zip')).equals(readFileSync(join(b, 'out', 'b.zip')))).toBe(true);
  });
});
