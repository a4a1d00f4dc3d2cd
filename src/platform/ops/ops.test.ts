import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { connect } from '../db/connect.ts';

bothEngines('/healthz answers 200 while the database answers and 503 when it does not', async (t, engine) => {
  const { app, services, config } = await setup(t, engine, { demo: false });
  const ok = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(ok.json(), { status: 'ok' });

  // A closed connection stands in for a database that is down.
  const real = services.db;
  const closed = connect(config.database);
  assert.equal((await closed.kysely.selectFrom('marzes').select('id').limit(1).execute()).length, 1, 'the second connection works');
  await closed.close();
  services.db = closed;
  try {
    const down = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(down.statusCode, 503);
    assert.deepEqual(down.json(), { status: 'unavailable' });
  } finally {
    services.db = real;
  }
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'healthy again');
});

bothEngines('every response carries a request id, the caller’s own when it sends a sane one', async (t, engine) => {
  const { app } = await setup(t, engine, { demo: false });
  const given = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-7f3a9c21-0001' } });
  assert.equal(given.headers['x-request-id'], 'lb-7f3a9c21-0001');
  const fresh = await app.inject({ method: 'GET', url: '/' });
  assert.match(String(fresh.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const insane = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } });
  assert.match(String(insane.headers['x-request-id']), /^[0-9a-f-]{36}$/, 'an unusable id is replaced');
  const missing = await app.inject({ method: 'GET', url: '/no-such-page' });
  assert.equal(missing.statusCode, 404);
  assert.ok(missing.headers['x-request-id'], 'errors carry one too');
});

bothEngines('/metrics exposes process metrics and request durations by route pattern', async (t, engine) => {
  const { app } = await setup(t, engine);
  await app.inject({ method: 'GET', url: '/healthz' });
  await app.inject({ method: 'GET', url: '/sisian' });
  await app.inject({ method: 'GET', url: '/jermuk' });
  await app.inject({ method: 'GET', url: '/no/such/page/123' });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  const body = res.body;
  assert.match(body, /^# TYPE http_request_duration_seconds histogram$/m);
  assert.match(body, /^process_cpu_user_seconds_total /m, 'default process metrics');
  assert.match(body, /^nodejs_eventloop_lag_seconds /m);
  assert.match(body, /http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1$/m);
  // Both communities' pages are one series: the route pattern, not the URL.
  assert.match(body, /http_request_duration_seconds_count\{method="GET",route="\/:slug",status_code="200"\} 2$/m);
  assert.match(body, /http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status_code="404"\} 1$/m);
  assert.doesNotMatch(body, /no\/such\/page/, 'unmatched URLs never become labels');
});
