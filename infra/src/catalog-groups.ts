import { readFileSync } from 'node:fs';
import { InfraError } from './errors.js';

const GROUP_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The Cognito groups the catalog's reports require (`reports[].groups` of the catalog bundle), sorted.
 * Read as data, so infra depends on the bundle's format, not on the catalog library.
 */
export function catalogGroups(catalogFile: string): string[] {
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(catalogFile, 'utf8'));
  } catch (error) {
    throw new InfraError('missing_catalog', `catalog bundle ${catalogFile} is not readable JSON: ${(error as Error).message}`);
  }
  const reports = (bundle as { reports?: unknown }).reports;
  if (!Array.isArray(reports)) throw new InfraError('missing_catalog', `catalog bundle ${catalogFile} has no reports array`);
  const groups = new Set<string>();
  for (const report of reports as { id?: unknown; groups?: unknown }[]) {
    for (const group of Array.isArray(report.groups) ? report.groups : []) {
      if (typeof group !== 'string' || !GROUP_NAME.test(group)) {
        throw new InfraError('bad_option', `report ${String(report.id)} requires group ${JSON.stringify(group)}, which is not a valid Cognito group name`);
      }
      groups.add(group);
    }
  }
  return [...groups].sort();
}
