import { DialectError } from './dialect-error.js';
import { parseLossless, stringifyLossless } from './lossless-json.js';
import { rewriteTokens } from './token-rewrites.js';
import { rewriteTree } from './tree-rewriter.js';

/** DuckDB's SQL ⇄ JSON parse-tree functions (`json_serialize_sql` / `json_deserialize_sql`). */
export interface SqlTreeCodec {
  serialize(sql: string): Promise<string>;
  deserialize(json: string): Promise<string>;
}

interface SerializedTree {
  error: boolean;
  statements?: unknown[];
}

/**
 * Translates one Redshift statement into DuckDB SQL. Statements DuckDB and
 * Redshift read alike come back exactly as given; others are rewritten on
 * DuckDB's own parse tree (SELECTs) or on tokens (DDL attributes, TOP).
 */
export async function translateStatement(sql: string, codec: SqlTreeCodec): Promise<string> {
  const tokens = rewriteTokens(sql);
  const serialized = parseLossless(await codec.serialize(tokens.sql)) as SerializedTree;
  if (serialized.error || !serialized.statements) {
    if (tokens.top) throw new DialectError('TOP n is supported in SELECT statements only locally; use LIMIT');
    return tokens.sql;
  }
  const { tree, changed } = rewriteTree(serialized);
  if (!changed) return tokens.sql;
  return codec.deserialize(stringifyLossless(tree));
}
