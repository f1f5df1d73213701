import { rewriteColumnRef, rewriteFunction } from './function-shims.js';
import { TOP_MARKER } from './token-rewrites.js';
import { integerConstant, isNode, type SqlNode } from './sql-tree.js';

/**
 * Rewrites a `json_serialize_sql` tree bottom-up: Redshift-only functions,
 * `SYSDATE`, integer division and the `TOP n` marker left by the token pass.
 * Returns whether anything changed, so untouched SQL can run as written.
 */
export function rewriteTree(tree: unknown): { tree: unknown; changed: boolean } {
  let changed = false;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[key] = visit(child);
    if (copy['type'] === 'SELECT_NODE' && applyTop(copy)) changed = true;
    if (!isNode(copy)) return copy;
    const replacement = copy.class === 'FUNCTION' ? rewriteFunction(copy) : copy.class === 'COLUMN_REF' ? rewriteColumnRef(copy) : undefined;
    if (!replacement) return copy;
    changed = true;
    return replacement;
  };
  return { tree: visit(tree), changed };
}

/** `SELECT TOP n …` came through the parser as a first select item aliased TOP_MARKER; make it a LIMIT. */
function applyTop(selectNode: Record<string, unknown>): boolean {
  const list = selectNode['select_list'];
  if (!Array.isArray(list)) return false;
  const first = list[0] as SqlNode | undefined;
  if (first?.alias !== TOP_MARKER) return false;
  const count = (first['value'] as { value?: unknown } | undefined)?.value;
  list.shift();
  const modifiers = (selectNode['modifiers'] as unknown[] | undefined) ?? [];
  modifiers.push({ type: 'LIMIT_MODIFIER', limit: integerConstant(Number(count)), offset: null });
  selectNode['modifiers'] = modifiers;
  return true;
}
