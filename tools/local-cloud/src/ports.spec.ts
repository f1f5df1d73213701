import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, ephemeralPorts, portsFromEnv } from './ports.js';

describe('ports', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(portsFromEnv({}).web).toBe(DEFAULT_PORTS.web.port);
  });

  it('takes an override from the service variable', () => {
    expect(portsFromEnv({ REDWIRE_WEBSOCKET_PORT: '9001' }).websocket).toBe(9001);
  });

  it('names the variable when a value is not a port', () => {
    expect(() => portsFromEnv({ REDWIRE_REST_PORT: 'abc' })).toThrow(/REDWIRE_REST_PORT must be a port number/);
    expect(() => portsFromEnv({ REDWIRE_REST_PORT: '70000' })).toThrow(/REDWIRE_REST_PORT/);
  });

  it('has no two services on one default port', () => {
    const ports = Object.values(DEFAULT_PORTS).map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(Object.values(ephemeralPorts()).every((p) => p === 0)).toBe(true);
  });
});
