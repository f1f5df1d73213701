import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadCommand, LoadReply } from './load-protocol.js';

const CHILD = fileURLToPath(new URL('./load-client.child.ts', import.meta.url));

class LoadChild {
  private waiting: ((reply: LoadReply) => void) | undefined;
  private exited: string | undefined;

  private constructor(readonly process: ChildProcess) {
    process.on('message', (reply: LoadReply) => {
      const waiter = this.waiting;
      this.waiting = undefined;
      waiter?.(reply);
    });
    process.on('exit', (code, signal) => {
      this.exited = `load client ${process.pid} exited (${code ?? signal})`;
      this.waiting?.({ type: 'failure', message: this.exited });
    });
  }

  static async start(): Promise<LoadChild> {
    const child = new LoadChild(fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await child.next();
    return child;
  }

  next(): Promise<LoadReply> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async ask(command: LoadCommand): Promise<LoadReply> {
    const answer = this.next();
    this.process.send(command);
    const reply = await answer;
    if (reply.type === 'failure') throw new Error(reply.message);
    return reply;
  }
}

/** Load-client processes; commands fan out to all and their replies come back in child order. */
export class LoadFleet {
  private constructor(private readonly children: LoadChild[]) {}

  static async start(count: number): Promise<LoadFleet> {
    return new LoadFleet(await Promise.all(Array.from({ length: count }, () => LoadChild.start())));
  }

  get size(): number {
    return this.children.length;
  }

  /** Sends each child its own command (index → command) and waits for every reply. */
  each(command: (index: number) => LoadCommand): Promise<LoadReply[]> {
    return Promise.all(this.children.map((child, index) => child.ask(command(index))));
  }

  async close(): Promise<void> {
    await Promise.all(this.children.map((child) => new Promise<void>((resolve) => {
      if (child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.process.kill('SIGKILL'), 5000);
      child.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.process.send({ cmd: 'exit' } satisfies LoadCommand);
    })));
  }
}

/** Splits `total` as evenly as possible over `parts` (the first ones take the remainder). */
export function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}
