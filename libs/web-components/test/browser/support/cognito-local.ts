import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

// eslint-disable-next-line no-control-regex -- ANSI colour codes in cognito-local's pino-pretty output
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Every code cognito-local sends is this one (its `CODE` switch). */
export const FIXED_CODE = '123456';

export interface LocalCognito {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  /** Creates a confirmed user. */
  createUser(email: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

/** A real cognito-local in a child process, in a temporary folder, on a free port of 127.0.0.1. */
export async function startCognitoLocal(): Promise<LocalCognito> {
  const dir = mkdtempSync(join(tmpdir(), 'redwire-cognito-'));
  mkdirSync(join(dir, '.cognito'));
  writeFileSync(join(dir, '.cognito/config.json'), JSON.stringify({ ServerConfig: { port: 0, hostname: '127.0.0.1' } }));
  const bin = resolve(import.meta.dirname, '../../../../../node_modules/cognito-local/lib/bin/start.js');
  const child: ChildProcess = spawn(process.execPath, [bin], { cwd: dir, env: { ...process.env, CODE: FIXED_CODE }, stdio: ['ignore', 'pipe', 'pipe'] });
  const endpoint = await new Promise<string>((resolvePort, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`cognito-local did not start: ${output.slice(-500)}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += stripAnsi(chunk.toString());
      const match = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePort(`${match[1]}/`);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cognito-local exited with ${code}: ${output.slice(-500)}`)));
  });
  const client = new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'redwire-test',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
    }),
  );
  const userPoolId = pool.UserPool?.Id ?? '';
  const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
  const clientId = app.UserPoolClient?.ClientId ?? '';
  return {
    endpoint,
    userPoolId,
    clientId,
    async createUser(email, password) {
      await client.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }));
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
    },
    async stop() {
      client.destroy();
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
