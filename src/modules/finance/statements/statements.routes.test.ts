// The accountant's pages: upload and report (bad rows with their reasons, an unreadable
// file refused on the page), the queue, a manual match and setting a line aside, each
// audited; and another community's lines and payers out of reach.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { multipart, TINY_PNG } from '../../../../test/multipart.ts';
import { signInAs, type TestSession } from '../../../../test/session.ts';
import type { App } from '../../../app.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { obligationBalances } from '../ledger/balances.ts';
import { importStatement } from './import.service.ts';
import { statementCsv, statementWorld } from './statements.testkit.ts';

const headers = (s: TestSession) => ({ cookie: `${s.cookie}; mmis_lang=en` });

function upload(app: App, s: TestSession, source: string, file?: { name: string; data: Buffer }) {
  const body = multipart({ _csrf: s.csrf, source }, file && { filename: file.name, type: 'text/csv', data: file.data });
  return app.inject({ method: 'POST', url: '/sisian/staff/finance/statements', headers: { ...headers(s), 'content-type': body.contentType }, payload: body.payload });
}

bothEngines('an accountant uploads a statement, reads the report and matches the leftover line by hand', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const w = await statementWorld(services);
  const first = await w.owe(4_000, '2026-03-01');
  const second = await w.owe(6_000, '2026-07-01');
  const acc = await signInAs(services, 'accountant@sisian.example');
  const page = await app.inject({ method: 'GET', url: '/sisian/staff/finance/statements', headers: headers(acc) });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /Column layout to be checked/);

  const noFile = await upload(app, acc, 'treasury');
  assert.equal(noFile.statusCode, 400);
  assert.match(noFile.body, /Choose the statement file/);

  const png = await upload(app, acc, 'treasury', { name: 'photo.csv', data: TINY_PNG });
  assert.equal(png.statusCode, 400);
  assert.match(png.body, /The file cannot be read: it must be a CSV in utf-8, or an XLSX/);
  assert.equal((await w.tdb.selectFrom('fin_stmt_imports').select('id').where('file_name', '=', 'photo.csv').execute()).length, 0);
  const lastEvent = Number((await services.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);

  const csv = statementCsv('treasury', [
    { date: '05.11.2026', amount: '1500', txnId: 'W-1', payerId: w.organization.taxId, purpose: 'Տուրք' },
    { date: '05.11.2026', amount: '6000', txnId: 'W-2', payerName: w.resident.name, purpose: 'Վճար առանց նույնացուցչի' },
    { date: '31.11.2026', amount: '100', txnId: 'W-3', payerId: w.resident.psn },
  ]);
  const done = await upload(app, acc, 'treasury', { name: 'nov.csv', data: Buffer.from(csv) });
  assert.equal(done.statusCode, 303, done.body.slice(0, 400));
  const report = await app.inject({ method: 'GET', url: done.headers.location as string, headers: headers(acc) });
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /3 lines: 1 matched, 1 waiting, 1 rejected, 0 already imported/);
  assert.match(report.body, /Bad date “31.11.2026” \(expected DD.MM.YYYY\)/);
  const repeat = await upload(app, acc, 'treasury', { name: 'nov-again.csv', data: Buffer.from(csv) });
  assert.equal(repeat.headers.location, `${done.headers.location as string}?repeated=1`);
  assert.match((await app.inject({ method: 'GET', url: repeat.headers.location, headers: headers(acc) })).body, /This file was imported before; nothing changed/);

  const dashboard = await app.inject({ method: 'GET', url: '/sisian/staff', headers: headers(acc) });
  assert.match(dashboard.body, /Statement lines to match/);
  const queue = await app.inject({ method: 'GET', url: '/sisian/staff/finance/statements/queue', headers: headers(acc) });
  assert.equal(queue.statusCode, 200);
  const lineUrl = /href="(\/sisian\/staff\/finance\/statements\/lines\/\d+)"/.exec(queue.body)![1]!;
  const found = await app.inject({ method: 'GET', url: `${lineUrl}?q=${w.resident.psn}`, headers: headers(acc) });
  assert.equal(found.statusCode, 200);
  assert.ok(found.body.includes(w.resident.name));
  const chosen = await app.inject({ method: 'GET', url: `${lineUrl}?payer=resident:${w.resident.id}`, headers: headers(acc) });
  assert.match(chosen.body, /name="obligation" value="\d+"/);

  const badNote = await app.inject({ method: 'POST', url: `${lineUrl}/ignore`, headers: headers(acc), payload: { _csrf: acc.csrf, note: '' } });
  assert.equal(badNote.statusCode, 400);
  assert.match(badNote.body, /error-summary/);
  // Paid for the later obligation, as the payer said on the phone: the older one stays due.
  const match = await app.inject({ method: 'POST', url: `${lineUrl}/match`, headers: headers(acc),
    payload: { _csrf: acc.csrf, payer: `resident:${w.resident.id}`, obligation: String(second), note: 'Called, paid for the house' } });
  assert.equal(match.statusCode, 303, match.body.slice(0, 400));
  const balances = await obligationBalances(w.tdb, { obligationIds: [first, second] }, '2026-11-05');
  assert.deepEqual(balances.map((b) => [b.id, b.principal]).sort(), [[first, 4_000], [second, 0]].sort());
  const again = await app.inject({ method: 'POST', url: `${lineUrl}/match`, headers: headers(acc), payload: { _csrf: acc.csrf, payer: `resident:${w.resident.id}` } });
  assert.equal(again.statusCode, 409);
  const empty = await app.inject({ method: 'GET', url: '/sisian/staff/finance/statements/queue', headers: headers(acc) });
  assert.match(empty.body, /No unmatched lines/);
  const events = await services.db.kysely.selectFrom('audit_events').select('action').where('action', 'like', 'finance.statement.%').where('id', '>', lastEvent).orderBy('id').execute();
  assert.deepEqual(events.map((e) => e.action), ['finance.statement.import', 'finance.statement.match']);
  const payment = await w.tdb.selectFrom('fin_payments').select(['provider_txn_id', 'channel', 'resident_id']).where('provider_txn_id', '=', 'W-2').executeTakeFirstOrThrow();
  assert.deepEqual(payment, { provider_txn_id: 'W-2', channel: 'treasury', resident_id: w.resident.id });
});

bothEngines('a line that is not the community\'s is set aside with a note', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const w = await statementWorld(services);
  await importStatement(w.tdb, SYSTEM_ACTOR, { source: 'treasury', fileName: 'x.csv', data: Buffer.from(statementCsv('treasury', [{ date: '01.11.2026', amount: '100', txnId: 'N-1' }])) });
  const line = await w.tdb.selectFrom('fin_stmt_lines').select('id').where('bank_txn_id', '=', 'N-1').executeTakeFirstOrThrow();
  const acc = await signInAs(services, 'accountant@sisian.example');
  const res = await app.inject({ method: 'POST', url: `/sisian/staff/finance/statements/lines/${line.id}/ignore`, headers: headers(acc), payload: { _csrf: acc.csrf, note: 'Bank fee refund' } });
  assert.equal(res.statusCode, 303);
  const after = await w.tdb.selectFrom('fin_stmt_lines').select(['status', 'note', 'payment_id']).where('id', '=', line.id).executeTakeFirstOrThrow();
  assert.deepEqual(after, { status: 'ignored', note: 'Bank fee refund', payment_id: null });
  assert.equal((await w.tdb.selectFrom('fin_payments').select('id').where('provider_txn_id', '=', 'N-1').execute()).length, 0);
  const ev = await services.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'finance.statement.ignore').execute();
  assert.equal(ev.length, 1);
});

bothEngines('another community\'s line cannot be matched, nor a line matched to another community\'s payer', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const sisian = await statementWorld(services, 'sisian');
  const jermuk = await statementWorld(services, 'jermuk');
  const row = { date: '01.11.2026', amount: '100', txnId: 'J-1', purpose: 'Անհայտ' };
  await importStatement(jermuk.tdb, SYSTEM_ACTOR, { source: 'treasury', fileName: 'j.csv', data: Buffer.from(statementCsv('treasury', [row])) });
  await importStatement(sisian.tdb, SYSTEM_ACTOR, { source: 'treasury', fileName: 's.csv', data: Buffer.from(statementCsv('treasury', [{ ...row, txnId: 'S-1' }])) });
  const jLine = await jermuk.tdb.selectFrom('fin_stmt_lines').select('id').where('bank_txn_id', '=', 'J-1').executeTakeFirstOrThrow();
  const sLine = await sisian.tdb.selectFrom('fin_stmt_lines').select('id').where('bank_txn_id', '=', 'S-1').executeTakeFirstOrThrow();
  const acc = await signInAs(services, 'accountant@sisian.example');
  const base = '/sisian/staff/finance/statements/lines';
  const foreign = await app.inject({ method: 'POST', url: `${base}/${jLine.id}/match`, headers: headers(acc), payload: { _csrf: acc.csrf, payer: `resident:${sisian.resident.id}` } });
  assert.equal(foreign.statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: `${base}/${jLine.id}`, headers: headers(acc) })).statusCode, 404);
  const foreignPayer = await app.inject({ method: 'POST', url: `${base}/${sLine.id}/match`, headers: headers(acc), payload: { _csrf: acc.csrf, payer: `resident:${jermuk.resident.id}` } });
  assert.equal(foreignPayer.statusCode, 400);
  assert.match(foreignPayer.body, /Choose the payer/);
  assert.equal((await app.inject({ method: 'GET', url: `${base}/${sLine.id}?payer=resident:${jermuk.resident.id}`, headers: headers(acc) })).statusCode, 404);
  const lines = await services.db.kysely.selectFrom('fin_stmt_lines').select('status').where('bank_txn_id', 'in', ['J-1', 'S-1']).execute();
  assert.deepEqual(lines.map((l) => l.status), ['unmatched', 'unmatched']);
  // Jermuk's search finds no Sisian payer.
  const hits = await app.inject({ method: 'GET', url: `${base}/${sLine.id}?q=${jermuk.resident.psn}`, headers: headers(acc) });
  assert.match(hits.body, /No such payer/);
  const head = await signInAs(services, 'head@sisian.example');
  assert.equal((await app.inject({ method: 'GET', url: '/sisian/staff/finance/statements', headers: headers(head) })).statusCode, 403);
});
