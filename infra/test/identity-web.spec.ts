import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStack, referencedName, resource, resources, resourceWhere, type Json, type StackJson } from './stacks.js';

let identity: StackJson;
let web: StackJson;
let backend: StackJson;
beforeAll(() => {
  const outdir = inject('synthOutdir');
  [identity, web, backend] = ['identity', 'web', 'backend'].map((name) => loadStack(outdir, name)) as [StackJson, StackJson, StackJson];
});

describe('identity stack', () => {
  it('signs people up by email with verification, the sample password policy and recovery by verified email', () => {
    expect(resource(identity, 'aws_cognito_user_pool', 'user_pool')).toMatchObject({
      username_attributes: ['email'],
      auto_verified_attributes: ['email'],
      deletion_protection: '${var.cognito_deletion_protection}',
      password_policy: { minimum_length: 8, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true },
      account_recovery_setting: { recovery_mechanism: [{ name: 'verified_email', priority: 1 }] },
    });
  });

  it('gives the browser a client without secret for SRP and refresh, with bounded token validity', () => {
    expect(resource(identity, 'aws_cognito_user_pool_client', 'web_client')).toMatchObject({
      generate_secret: false,
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      id_token_validity: 60,
      refresh_token_validity: 30,
      token_validity_units: [{ id_token: 'minutes', access_token: 'minutes', refresh_token: 'days' }],
    });
  });

  it('creates the groups the catalog\'s reports require plus those named in cognito_groups', () => {
    expect(resource(identity, 'aws_cognito_user_group', 'report_group')).toMatchObject({
      for_each: '${toset(setunion(var.cognito_groups, ["analysts", "finance"]))}',
      name: '${each.value}',
    });
  });

  it('exports the pool, client and issuer the other stacks read', () => {
    const outputs = Object.keys(identity.output ?? {});
    expect(outputs).toEqual(expect.arrayContaining(['user_pool_id', 'user_pool_client_id', 'token_issuer']));
    expect(outputs.some((o) => o.startsWith('cross-stack-output-'))).toBe(true);
  });
});

describe('web stack', () => {
  it('serves a private bucket through CloudFront with origin access control', () => {
    const distribution = resource(web, 'aws_cloudfront_distribution', 'site_distribution');
    const [origin] = distribution['origin'] as Json[];
    expect(referencedName(origin?.['origin_access_control_id'], 'aws_cloudfront_origin_access_control')).toBe('site_oac');
    expect(resource(web, 'aws_cloudfront_origin_access_control', 'site_oac')).toMatchObject({ signing_behavior: 'always', signing_protocol: 'sigv4' });
    expect((distribution['default_cache_behavior'] as Json)['viewer_protocol_policy']).toBe('redirect-to-https');
    const policy = JSON.parse(String(resource(web, 'aws_s3_bucket_policy', 'site_bucket_policy')['policy']));
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: ['s3:GetObject'],
      Condition: { StringEquals: { 'AWS:SourceArn': '${aws_cloudfront_distribution.site_distribution.arn}' } },
    });
    expect(resourceWhere(web, 'aws_s3_bucket_public_access_block', 'bucket', '${aws_s3_bucket.site_bucket.id}')[1]['restrict_public_buckets']).toBe(true);
  });

  it('uploads the built site and a generated config.json with the endpoints and pool ids', () => {
    const objects = Object.values(resources(web, 'aws_s3_object'));
    expect(objects.map((o) => o['key']).sort()).toEqual(['assets/app.js', 'config.json', 'index.html']);
    expect(objects.find((o) => o['key'] === 'index.html')?.['content_type']).toBe('text/html; charset=utf-8');
    const { authFlow, ...endpoints } = JSON.parse(String(objects.find((o) => o['key'] === 'config.json')?.['content'])) as Record<string, string>;
    // The keys <redwire-session config-url="./config.json"> reads.
    expect(Object.keys(endpoints).sort()).toEqual(['region', 'rest', 'userPoolClientId', 'userPoolId', 'websocket']);
    expect(authFlow).toBe('USER_SRP_AUTH');
    for (const value of Object.values(endpoints)) expect(String(value)).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-(identity|backend)\.outputs\./);
  });
});

describe('cross-stack references', () => {
  it('read sibling state through relative paths, so plain terraform in cdktf.out/stacks/<stack> finds them', () => {
    for (const [stack, producers] of [[backend, ['identity']], [web, ['identity', 'backend']]] as const) {
      const remote = stack.data?.['terraform_remote_state'] ?? {};
      for (const producer of producers) {
        expect(remote[`cross-stack-reference-input-${producer}`]).toMatchObject({ backend: 'local', config: { path: `../../../terraform.${producer}.tfstate` } });
      }
    }
    expect(identity.terraform['backend']).toEqual({ local: { path: '../../../terraform.identity.tfstate' } });
  });
});

describe('files the stacks upload', () => {
  it('sit at the relative paths the JSON names, inside each stack folder, for plain terraform to read', () => {
    const outdir = inject('synthOutdir');
    for (const [name, stack] of [['backend', backend], ['web', web]] as const) {
      const paths = Object.values(stack.resource).flatMap((byName) =>
        Object.values(byName).flatMap((r) => ['filename', 'source'].map((k) => r[k]).filter((v): v is string => typeof v === 'string')),
      );
      expect(paths.length).toBeGreaterThan(name === 'backend' ? 8 : 1);
      for (const path of paths) {
        expect(path, path).toMatch(/^assets\//);
        expect(existsSync(join(outdir, 'stacks', name, path)), path).toBe(true);
      }
    }
  });
});
