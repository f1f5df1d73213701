import { InfraError } from '../errors.js';

/**
 * Stable Terraform names for uploaded files, derived from their paths (not their position), so
 * adding one file does not rename the others' resources. Fails on two paths that map to one name.
 */
export function fileResourceIds(prefix: string, paths: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const path of paths) {
    const id = `${prefix}_${path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
    const other = taken.get(id);
    if (other !== undefined) throw new InfraError('bad_option', `files ${other} and ${path} would share the Terraform name ${id}; rename one`);
    taken.set(id, path);
    ids.set(path, id);
  }
  return ids;
}
