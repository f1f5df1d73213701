import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '@redwire/system';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralPorts, startLocalCloud, type LocalCloud } from '../src/index.js';
import { signedInUser } from './support/cognito-user.js';
import { connect, refusal } from './support/ws-client.js';

/** The local cloud as `npm start` wires it: libs/system's topology, the handlers in apps/, the warehouse. */
describe('local cloud wired from libs/system', () => {
  let cloud: LocalCloud;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'redwire-system-'));
    cloud = await startLocalCloud({ ports: ephemeralPorts(), stateDir, sampleRows: 2000, logger: pino({ level: 'silent' }), environment: { REDWIRE_LOG_LEVEL: 'silent' } });
  }, 60_000);
  afterAll(async () => {
    await cloud.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('loads every handler of libs/system that exists in apps/ and builds the catalog from sql/reports', () => {
    expect(cloud.unavailableFunctions).toEqual([]);
    expect(cloud.environment['REDWIRE_CATALOG_URL']).toBe(`file://${join(stateDir, 'catalog', 'catalog.json')}`);
    // Left unset on purpose: the workgroup is the target (not a cluster), and IAM identity (no db user, no secret);
    // no S3 sample data (the stand-in generates its own).
    const unsetLocally = new Set(['REDWIRE_CLUSTER_IDENTIFIER', 'REDWIRE_DB_USER', 'REDWIRE_SECRET_ARN', 'REDWIRE_SAMPLE_DATA_URL', 'REDWIRE_SAMPLE_DATA_ROLE_ARN']);
    for (const fn of functions) {
      for (const name of fn.environment) {
        if (unsetLocally.has(name)) expect(cloud.environment[name], name).toBeUndefined();
        else expect(cloud.environment[name], `${fn.name}: ${name}`).toBeDefined();
      }
    }
  });

  it("puts $connect behind Redwire's authorizer: 401 without a token, open with a Cognito ID token", async () => {
    expect((await refusal(cloud.endpoints.websocket)).status).toBe(401);
    expect((await refusal(`${cloud.endpoints.websocket}?token=garbage`)).status).toBe(401);
    const tokens = await signedInUser(cloud, 'sys@example.com');
    const client = await connect(`${cloud.endpoints.websocket}?token=${tokens.IdToken}`);
    expect(cloud.connections.size).toBe(1);
    client.socket.close();
    await client.closed;
  });

  it('answers the HTTP API with 401 without a token and 200 for GET /reports with one', async () => {
    expect((await fetch(`${cloud.endpoints.rest}/reports`)).status).toBe(401);
    const tokens = await signedInUser(cloud, 'rest@example.com');
    const res = await fetch(`${cloud.endpoints.rest}/reports`, { headers: { authorization: `Bearer ${tokens.IdToken}` } });
    expect(res.status).toBe(200);
  });
});
