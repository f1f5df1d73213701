import { describe, expect, it } from 'vitest';
import { sessionConfig } from './session-config.js';

const attributes = {
  websocketUrl: 'wss://ws.example.test/prod',
  restUrl: 'https://api.example.test',
  userPoolId: 'eu-west-1_abc',
  clientId: 'client',
  region: 'eu-west-1',
};

describe('session configuration', () => {
  it('uses SRP in AWS and USER_PASSWORD_AUTH with a local Cognito endpoint', () => {
    expect(sessionConfig(attributes).authFlow).toBe('USER_SRP_AUTH');
    expect(sessionConfig({ ...attributes, cognitoEndpoint: 'http://127.0.0.1:9229/' }).authFlow).toBe('USER_PASSWORD_AUTH');
    expect(sessionConfig({ ...attributes, authFlow: 'USER_PASSWORD_AUTH' }).authFlow).toBe('USER_PASSWORD_AUTH');
  });

  it('names the missing or bad setting', () => {
    expect(() => sessionConfig({ ...attributes, clientId: '' })).toThrow('Missing the app client id (client-id).');
    expect(() => sessionConfig({ ...attributes, websocketUrl: 'https://x' })).toThrow(/ws:\/\//);
    expect(() => sessionConfig({ ...attributes, authFlow: 'CUSTOM' })).toThrow(/auth-flow/);
  });
});
