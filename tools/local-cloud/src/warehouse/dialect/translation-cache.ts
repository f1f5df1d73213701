import { translateStatement, type SqlTreeCodec } from './redshift-dialect.js';

export interface TranslationCacheOptions {
  /** Distinct statements kept (least recently used dropped first). */
  maxEntries?: number;
  /** Longer statements are translated every time and never kept. */
  maxSqlChars?: number;
}

/**
 * Remembers Redshift → DuckDB translations. A translation depends only on the
 * statement's text (with `$n` placeholders, not the parameter values) and on
 * DuckDB's parser, so it is computed once per distinct text, as Redshift keeps
 * compiled plans: each miss costs two or more DuckDB round trips
 * (`json_serialize_sql`, `json_deserialize_sql`). Failed translations are not kept.
 */
export class TranslationCache {
  private readonly entries = new Map<string, string>();
  private readonly maxEntries: number;
  private readonly maxSqlChars: number;
  hits = 0;
  misses = 0;

  constructor(options: TranslationCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 512;
    this.maxSqlChars = options.maxSqlChars ?? 64 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  async translate(sql: string, codec: SqlTreeCodec): Promise<string> {
    const cached = this.entries.get(sql);
    if (cached !== undefined) {
      this.hits += 1;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(sql);
      this.entries.set(sql, cached);
      return cached;
    }
    this.misses += 1;
    const translated = await translateStatement(sql, codec);
    if (sql.length <= this.maxSqlChars) {
      this.entries.set(sql, translated);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return translated;
  }
}
