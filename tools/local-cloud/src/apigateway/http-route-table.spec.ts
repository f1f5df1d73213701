import { describe, expect, it } from 'vitest';
import { httpRoutes } from '@redwire/system';
import { HttpRouteTable } from './http-route-table.js';
import { flattenClaims } from './jwt-claims.js';

describe('HttpRouteTable', () => {
  const table = new HttpRouteTable();
  for (const route of httpRoutes) table.add(route, 'results-api');

  it("matches Redwire's routes with path parameters", () => {
    expect(table.size).toBe(httpRoutes.length);
    expect(table.match('GET', '/statements/abc-1/result.csv')).toEqual({ routeKey: 'GET /statements/{id}/result.csv', function: 'results-api', pathParameters: { id: 'abc-1' } });
    expect(table.match('GET', '/statements/abc-1/result')).toMatchObject({ routeKey: 'GET /statements/{id}/result' });
    expect(table.match('GET', '/statements/a%3Ab')).toMatchObject({ pathParameters: { id: 'a:b' } });
    expect(table.match('GET', '/reports')).toMatchObject({ routeKey: 'GET /reports', pathParameters: undefined });
  });

  it('matches nothing for another method, an extra segment or an undecodable parameter kept raw', () => {
    expect(table.match('POST', '/reports')).toBeUndefined();
    expect(table.match('GET', '/statements/a/b/c')).toBeUndefined();
    expect(table.match('GET', '/statements/%E0%A4%A')).toMatchObject({ pathParameters: { id: '%E0%A4%A' } });
  });
});

describe('flattenClaims', () => {
  it('turns every claim into a string as the HTTP API JWT authorizer does', () => {
    expect(flattenClaims({ 'cognito:groups': ['admins', 'analysts'], exp: 17, email_verified: true, nested: { a: 1 }, gone: null })).toEqual({
      'cognito:groups': '[admins analysts]',
      exp: '17',
      email_verified: 'true',
      nested: '{"a":1}',
    });
  });
});
