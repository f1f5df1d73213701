import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port that is taken; the message names the variable that moves the service elsewhere. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly service: string,
    readonly port: number,
    readonly variable: string,
  ) {
    super(`Port ${port} for ${service} is already in use. Stop whatever uses it, or set ${variable} to another port (0 picks a free one).`);
  }
}

/** Listens on 127.0.0.1 and resolves with the bound port. */
export function listen(server: Server, port: number, service: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, port, variable) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Closes a server and every socket it holds (keep-alive clients would otherwise delay shutdown). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
