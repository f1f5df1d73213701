// dynalite on its own thread (see startDynamoDbThread in dynamodb.ts). Plain JavaScript so that
// it loads the same under tsx, vitest and node without a TypeScript loader in the worker.
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const { dir, port } = workerData;
let closing = false;
process.on('uncaughtException', (error) => {
  // Requests still in flight when LevelDB closes fail inside dynalite ("Database is not open"):
  // expected while the local cloud stops. Anything else is reported, and the thread ends.
  if (closing) return;
  parentPort.postMessage({ type: 'crashed', message: String(error?.stack ?? error) });
  process.exit(1);
});
mkdirSync(dir, { recursive: true });
const server = dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => parentPort.postMessage({ type: 'error', code: error.code, message: error.message }));
server.listen(port, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  closing = true;
  // Every socket goes (keep-alive clients would otherwise hold the close), then LevelDB is shut.
  server.close(() => parentPort.postMessage({ type: 'closed' }));
  server.closeAllConnections();
});
