import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * A bounded set of DuckDB connections. Statements beyond the bound wait in
 * FIFO order, so a slow statement holds one connection and never blocks others.
 */
export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiters: ((connection: DuckDBConnection) => void)[] = [];
  private created = 0;
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly size: number,
    private readonly prepareConnection: (connection: DuckDBConnection) => Promise<void>,
  ) {}

  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('the warehouse is closed');
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.created < this.size) {
      this.created += 1;
      try {
        const connection = await this.instance.connect();
        await this.prepareConnection(connection);
        return connection;
      } catch (error) {
        this.created -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(connection: DuckDBConnection): void {
    const next = this.waiters.shift();
    if (next) next(connection);
    else if (this.closed) connection.closeSync();
    else this.idle.push(connection);
  }

  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }
}
