import { describe, expect, it } from 'vitest';
import { encodeS3Key, s3ObjectUrl } from './s3-get-object.js';

describe('s3ObjectUrl', () => {
  it('addresses AWS virtual-hosted by default', () => {
    expect(s3ObjectUrl('reports', 'catalog/catalog.json', 'eu-west-1', undefined).href).toBe('https://reports.s3.eu-west-1.amazonaws.com/catalog/catalog.json');
    expect(s3ObjectUrl('reports', 'c.json', 'eu-west-1', '').href).toBe('https://reports.s3.eu-west-1.amazonaws.com/c.json');
  });

  it('addresses a dotted bucket path-style, since its name would not match the wildcard certificate', () => {
    expect(s3ObjectUrl('my.reports', 'c.json', 'us-east-2', undefined).href).toBe('https://s3.us-east-2.amazonaws.com/my.reports/c.json');
  });

  it('addresses a custom endpoint path-style, keeping its own path prefix', () => {
    expect(s3ObjectUrl('reports', 'a/b.json', 'eu-west-1', 'http://127.0.0.1:4566/').href).toBe('http://127.0.0.1:4566/reports/a/b.json');
    expect(s3ObjectUrl('reports', 'b.json', 'eu-west-1', 'https://proxy.example/s3').href).toBe('https://proxy.example/s3/reports/b.json');
  });
});

describe('encodeS3Key', () => {
  it('percent-encodes each segment the RFC 3986 way and keeps the slashes', () => {
    expect(encodeS3Key("dir with space/caté (1)+'x'*!.json")).toBe('dir%20with%20space/cat%C3%A9%20%281%29%2B%27x%27%2A%21.json');
    expect(encodeS3Key('plain/key-1_2~3.json')).toBe('plain/key-1_2~3.json');
  });
});
