import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Counts the AWS SDK calls each in-process Lambda handler makes, per invocation: every outgoing HTTP
 * request started inside a handler's async context is attributed to that function, named by its
 * `X-Amz-Target` operation (DynamoDB, Data API, EventBridge) or as PostToConnection / an HTTP path.
 */
export class SdkTrace {
  private readonly current = new AsyncLocalStorage<string>();
  private readonly invocations = new Map<string, number>();
  private readonly calls = new Map<string, Map<string, number>>();
  private enabled = false;
  private readonly onRequest = (message: unknown) => {
    const fn = this.current.getStore();
    if (fn === undefined) return;
    const request = (message as { request: ClientRequest }).request;
    const operation = operationOf(request);
    const perFn = this.calls.get(fn) ?? new Map<string, number>();
    this.calls.set(fn, perFn);
    perFn.set(operation, (perFn.get(operation) ?? 0) + 1);
  };

  /**
   * Starts counting. Off by default and during timed phases: AsyncLocalStorage turns on promise hooks,
   * which slow every await in the process and would distort the latency figures.
   */
  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    subscribe('http.client.request.start', this.onRequest);
  }

  stop(): void {
    if (!this.enabled) return;
    this.enabled = false;
    unsubscribe('http.client.request.start', this.onRequest);
    this.current.disable();
  }

  /** Runs one invocation of `fn`, inside its attribution context while counting. */
  invoke<T>(fn: string, work: () => T): T {
    if (!this.enabled) return work();
    this.invocations.set(fn, (this.invocations.get(fn) ?? 0) + 1);
    return this.current.run(fn, work);
  }

  reset(): void {
    this.invocations.clear();
    this.calls.clear();
  }

  /** Per function: invocations and the mean SDK calls per invocation by operation. */
  perInvocation(): Record<string, { invocations: number; callsPerInvocation: number; byOperation: Record<string, number> }> {
    const out: Record<string, { invocations: number; callsPerInvocation: number; byOperation: Record<string, number> }> = {};
    for (const [fn, invocations] of [...this.invocations].sort(([a], [b]) => a.localeCompare(b))) {
      const ops = this.calls.get(fn) ?? new Map<string, number>();
      const byOperation = Object.fromEntries([...ops].sort(([a], [b]) => a.localeCompare(b)).map(([op, n]) => [op, Math.round((n / invocations) * 100) / 100]));
      const total = [...ops.values()].reduce((a, b) => a + b, 0);
      out[fn] = { invocations, callsPerInvocation: Math.round((total / invocations) * 100) / 100, byOperation };
    }
    return out;
  }

  close(): void {
    this.stop();
  }
}

export function operationOf(request: Pick<ClientRequest, 'method' | 'path' | 'getHeader'>): string {
  const target = request.getHeader('x-amz-target');
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  if (request.path.startsWith('/@connections/')) return `${request.method === 'POST' ? 'PostToConnection' : request.method === 'DELETE' ? 'DeleteConnection' : 'GetConnection'}`;
  return `${request.method} ${request.path.split('?')[0] ?? ''}`;
}
