import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { loadConfig } from '../../config.ts';
import { securityHeaders } from './security-headers.ts';

test('the content security policy forbids inline scripts and framing; HSTS only on https', () => {
  const plain = securityHeaders(loadConfig({}));
  assert.match(plain['Content-Security-Policy']!, /script-src 'self'/);
  assert.match(plain['Content-Security-Policy']!, /frame-ancestors 'none'/);
  assert.equal(plain['Strict-Transport-Security'], undefined);
  const https = securityHeaders(loadConfig({ MMIS_PUBLIC_URL: 'https://mmis.example.am' }));
  assert.match(https['Strict-Transport-Security']!, /max-age=/);
  assert.match(https['Content-Security-Policy']!, /upgrade-insecure-requests/);
});

bothEngines('pages, API answers and errors all carry the security headers', async (t, engine) => {
  const { app } = await setup(t, engine);
  for (const url of ['/sisian', '/api/v1/communities', '/no-such-page']) {
    const res = await app.inject({ url });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
  }
});
