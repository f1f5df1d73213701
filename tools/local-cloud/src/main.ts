// `npm start`: the whole of Redwire in one process on 127.0.0.1, state in .redwire/.
import { pino } from 'pino';
import { PortInUseError } from './http/listen.js';
import { PortConfigError } from './ports.js';

// cognito-local still loads the AWS SDK v2, which prints an end-of-support notice when it loads.
process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] ??= '1';
const { startLocalCloud } = await import('./local-cloud.js');

// Time to ready counts from process start (tsx compiling and loading modules included).
const logger = pino({ level: process.env['REDWIRE_LOG_LEVEL'] ?? 'warn' });
process.stdout.write('Starting Redwire (local cloud)…\n');

try {
  const stateDir = process.env['REDWIRE_STATE_DIR'] || undefined;
  const cloud = await startLocalCloud({ logger, interactive: true, ...(stateDir ? { stateDir } : {}) });
  const seconds = process.uptime().toFixed(1);
  const { endpoints } = cloud;
  const missing = cloud.unavailableFunctions.length ? `\n  Not available yet: ${cloud.unavailableFunctions.join(', ')} (their requests fail as in AWS).` : '';
  process.stdout.write(
    `\nRedwire is ready at ${endpoints.web}  (in ${seconds} s)\n` +
      `  Sign up in the web app with your e-mail and a password of 8+ characters with upper, lower, digit and symbol;\n` +
      `  the confirmation code is printed here and shown at ${endpoints.web}/_dev/mail\n` +
      `  Endpoints: ${stateDir ?? '.redwire'}/endpoints.json${missing}\n  Ctrl-C stops.\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    const force = setTimeout(() => process.exit(1), 1900);
    force.unref();
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  if (error instanceof PortInUseError || error instanceof PortConfigError) {
    process.stderr.write(`\n${error.message}\n`);
  } else {
    process.stderr.write(`\nRedwire failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
