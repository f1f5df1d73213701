import { createServer } from 'node:net';
import { PortInUseError } from './listen.js';

/** Fails fast with {@link PortInUseError} when a fixed port is taken (before slow work such as loading sample data). */
export async function assertPortFree(port: number, service: string, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, port, variable) : error));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
