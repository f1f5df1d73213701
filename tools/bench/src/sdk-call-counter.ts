/** Counts AWS SDK v3 calls per command on the clients it is attached to (the bench's own clients only). */
export class SdkCallCounter {
  private readonly counts = new Map<string, number>();

  /** Adds an initialize-step middleware that counts every command the client sends. */
  attach(client: { middlewareStack: { add: (middleware: never, options: { step: 'initialize'; name: string }) => void } }): void {
    const counts = this.counts;
    const middleware = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    };
    client.middlewareStack.add(middleware as never, { step: 'initialize', name: 'benchSdkCallCounter' });
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.counts.clear();
  }
}
