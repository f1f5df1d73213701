/**
 * Fixed, documented default ports of `npm start`, each overridable by its
 * environment variable. Tests and benchmarks pass 0 for every port.
 */
export const DEFAULT_PORTS = {
  web: { port: 8780, env: 'REDWIRE_WEB_PORT' },
  websocket: { port: 8781, env: 'REDWIRE_WEBSOCKET_PORT' },
  apiGatewayManagement: { port: 8782, env: 'REDWIRE_CONNECTIONS_PORT' },
  rest: { port: 8783, env: 'REDWIRE_REST_PORT' },
  redshiftData: { port: 8784, env: 'REDWIRE_REDSHIFT_DATA_PORT' },
  dynamodb: { port: 8785, env: 'REDWIRE_DYNAMODB_PORT' },
  cognito: { port: 8786, env: 'REDWIRE_COGNITO_PORT' },
  eventbridge: { port: 8787, env: 'REDWIRE_EVENTBRIDGE_PORT' },
} as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;
export type Ports = Record<ServiceName, number>;

export class PortConfigError extends Error {
  override readonly name = 'PortConfigError';
}

/** Reads each port from its variable, falling back to the default; rejects junk with the variable's name. */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): Ports {
  const entries = Object.entries(DEFAULT_PORTS).map(([service, { port, env: name }]) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return [service, port] as const;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new PortConfigError(`${name} must be a port number 0-65535, got "${raw}"`);
    }
    return [service, value] as const;
  });
  return Object.fromEntries(entries) as Ports;
}

/** Ports for an in-process cloud in tests: every service on an ephemeral port. */
export function ephemeralPorts(): Ports {
  return Object.fromEntries(Object.keys(DEFAULT_PORTS).map((s) => [s, 0])) as Ports;
}
