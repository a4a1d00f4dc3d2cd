// Importing statements: good CSV and XLSX files matched to payers and allocated, bad rows
// reported with the good ones imported, unreadable files refused with nothing written, the
// same file twice and an overlapping statement adding only what is new.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { TINY_PNG } from '../../../../test/multipart.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { obligationBalances } from '../ledger/balances.ts';
import { importStatement } from './import.service.ts';
import { Unreadable } from './read.ts';
import { statementCsv, statementWorld, statementXlsx } from './statements.testkit.ts';

const actor = { ...SYSTEM_ACTOR, label: 'test accountant' };

async function counts(tdb: TenantDb) {
  const n = async (table: 'fin_stmt_imports' | 'fin_stmt_lines' | 'fin_payments' | 'fin_entries') =>
    Number((await tdb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { imports: await n('fin_stmt_imports'), lines: await n('fin_stmt_lines'), payments: await n('fin_payments'), entries: await n('fin_entries') };
}

const due = async (tdb: TenantDb, id: number, on: string) => (await obligationBalances(tdb, { obligationIds: [id] }, on))[0]!;
const lines = (tdb: TenantDb, importId: number) =>
  tdb.selectFrom('fin_stmt_lines').selectAll().where('import_id', '=', importId).orderBy('line_no').execute();

bothEngines('a Treasury CSV is matched by public service number, tax ID and case number, and paid into the ledger', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const house = await w.owe(30_000, '2026-07-01');
  const shop = await w.owe(120_000, '2026-07-01', { payer: 'organization' });
  // A case's fee, billed under the case: the payer quotes only its registration number.
  const kase = await w.tdb.selectFrom('cases').select(['id', 'reg_number']).where('reg_number', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const fee = await w.owe(5_000, '2026-10-01', { label: kase.reg_number! });
  const csv = statementCsv('treasury', [
    { date: '05.11.2026', amount: '30 000.00', txnId: 'TR-1', payerName: w.resident.name, payerId: w.resident.psn, purpose: 'Գույքահարկ 2026' },
    { date: '06.11.2026', amount: '120000', txnId: 'TR-2', payerName: w.organization.name, payerId: w.organization.taxId, purpose: 'Հողի հարկ' },
    { date: '07.11.2026', amount: '5000', txnId: 'TR-3', payerName: 'Անանուն', purpose: `Պետական տուրք, դիմում ${kase.reg_number}` },
    { date: '07.11.2026', amount: '8000', txnId: 'TR-4', payerName: 'Օտար վճարող', payerId: '9999999999', purpose: 'Աղբահանության վճար' },
  ]);
  const { importId, repeated } = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'treasury-nov.csv', data: Buffer.from(`\ufeff${csv}`) });
  assert.equal(repeated, false);
  const imp = await w.tdb.selectFrom('fin_stmt_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
  assert.deepEqual([imp.line_count, imp.matched_count, imp.unmatched_count, imp.rejected_count], [4, 3, 1, 0]);
  const got = await lines(w.tdb, importId);
  assert.deepEqual(got.map((l) => [l.status, l.reason]), [
    ['matched', 'finance.statements.match.byId'], ['matched', 'finance.statements.match.byId'],
    ['matched', 'finance.statements.match.byReference'], ['unmatched', 'finance.statements.match.unknownPayer'],
  ]);
  const payment = await w.tdb.selectFrom('fin_payments').selectAll().where('id', '=', got[0]!.payment_id!).executeTakeFirstOrThrow();
  assert.deepEqual([payment.channel, payment.provider, payment.provider_txn_id, payment.amount, payment.resident_id], ['treasury', 'treasury', 'TR-1', 30_000, w.resident.id]);
  assert.equal((await due(w.tdb, house, '2026-11-05')).principal, 0);
  assert.equal((await due(w.tdb, shop, '2026-11-06')).principal, 0);
  // Paid after the due date: the case's fee is settled (its principal), the penalty to date waits for the next payment.
  assert.equal((await due(w.tdb, fee, '2026-11-07')).principal, 0);
  const audit = await services.db.kysely.selectFrom('audit_events').select('after_json').where('action', '=', 'finance.statement.import').where('entity_id', '=', String(importId)).execute();
  assert.equal(audit.length, 1);
});

bothEngines('a bank XLSX with typed date and number cells is read and matched', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const house = await w.owe(12_500, '2026-12-01');
  const xlsx = await statementXlsx('bank_hy', [
    { date: new Date(Date.UTC(2026, 10, 20)), amount: 12_500, txnId: 'ACB-77', payerName: w.resident.name, payerId: Number(w.resident.psn), purpose: 'Գույքահարկ' },
    { date: '21/11/2026', amount: '1 000,00', txnId: 'ACB-78', payerName: 'Ոմն', purpose: 'Անհայտ' },
  ]);
  const { importId } = await importStatement(w.tdb, actor, { source: 'bank_hy', fileName: 'bank.xlsx', data: xlsx });
  const got = await lines(w.tdb, importId);
  assert.deepEqual(got.map((l) => [l.status, l.paid_on, l.amount]), [['matched', '2026-11-20', 12_500], ['unmatched', '2026-11-21', 1_000]]);
  assert.equal(got[1]!.reason, 'finance.statements.match.noClue');
  assert.equal((await due(w.tdb, house, '2026-11-20')).principal, 0);
  const payment = await w.tdb.selectFrom('fin_payments').select(['channel', 'provider']).where('id', '=', got[0]!.payment_id!).executeTakeFirstOrThrow();
  assert.deepEqual(payment, { channel: 'bank', provider: 'bank_hy' });
});

bothEngines('bad rows are reported one by one and the good ones imported', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const good = { date: '05.11.2026', txnId: 'G-1', payerId: w.resident.psn, purpose: 'Գույքահարկ' };
  const csv = statementCsv('treasury', [
    { ...good, amount: '7000' },
    { ...good, txnId: 'B-1', amount: '' },
    { ...good, txnId: 'B-2', amount: '7000', date: '31.02.2026' },
    { ...good, txnId: 'B-3', amount: '-7000' },
    { ...good, txnId: 'B-4', amount: '7000.50' },
    { ...good, txnId: '', amount: '7000' },
    { ...good, txnId: 'B-5', amount: '3 000 000 000' },
  ], [['06.11.2026', '100', 'B-6', 'X', '', 'Y', 'a cell past the header']]);
  const { importId } = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'bad.csv', data: Buffer.from(csv) });
  const got = await lines(w.tdb, importId);
  assert.deepEqual(got.map((l) => [l.line_no, l.status, l.reason]), [
    [2, 'matched', 'finance.statements.match.byId'],
    [3, 'rejected', 'finance.statements.row.noAmount'],
    [4, 'rejected', 'finance.statements.row.badDate'],
    [5, 'rejected', 'finance.statements.row.negative'],
    [6, 'rejected', 'finance.statements.row.notWhole'],
    [7, 'rejected', 'finance.statements.row.noTxnId'],
    [8, 'rejected', 'finance.statements.row.tooLarge'],
    [9, 'rejected', 'finance.statements.row.extraCells'],
  ]);
  const paid = await w.tdb.selectFrom('fin_payments').select('provider_txn_id').where('provider_txn_id', 'in', ['G-1', 'B-1', 'B-2', 'B-3', 'B-4', 'B-6']).execute();
  assert.deepEqual(paid.map((p) => p.provider_txn_id), ['G-1']);
});

bothEngines('a file that cannot be read is refused and nothing is written', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const before = await counts(w.tdb);
  const auditBefore = await services.db.kysely.selectFrom('audit_events').select('id').execute();
  const refused = async (source: 'treasury' | 'bank_ru', data: Buffer, key: string) => {
    await assert.rejects(importStatement(w.tdb, actor, { source, fileName: 'x', data }), (e: unknown) => e instanceof Unreadable && e.messageKey === key);
  };
  await refused('treasury', TINY_PNG, 'finance.statements.file.encoding');
  await refused('treasury', Buffer.from('PK\u0003\u0004 not really a workbook'), 'finance.statements.file.unreadable');
  await refused('treasury', Buffer.from(''), 'finance.statements.file.empty');
  await refused('treasury', Buffer.from('Name;Sum\r\nA;1\r\n'), 'finance.statements.file.missingColumns');
  await refused('treasury', Buffer.from(statementCsv('treasury', [])), 'finance.statements.file.noRows');
  assert.deepEqual(await counts(w.tdb), before);
  assert.equal((await services.db.kysely.selectFrom('audit_events').select('id').execute()).length, auditBefore.length);
});

bothEngines('a Russian bank statement in Windows-1251 is read', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const text = statementCsv('bank_ru', [{ date: '10.11.2026', amount: '2 500,00', txnId: 'RU-1', payerName: 'Иванов Иван', payerId: w.organization.taxId, purpose: 'Местный сбор' }]);
  const cp1251 = Buffer.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    return code;
  }));
  const { importId } = await importStatement(w.tdb, actor, { source: 'bank_ru', fileName: 'vypiska.csv', data: cp1251 });
  const [line] = await lines(w.tdb, importId);
  assert.deepEqual([line!.status, line!.payer_name, line!.purpose, line!.amount], ['matched', 'Иванов Иван', 'Местный сбор', 2_500]);
});

bothEngines('the same file twice changes nothing; an overlapping statement adds only its new lines', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  await w.owe(50_000, '2026-07-01');
  const row = (n: number) => ({ date: `0${n}.11.2026`, amount: '1000', txnId: `OV-${n}`, payerId: w.resident.psn, purpose: 'Գույքահարկ' });
  const first = Buffer.from(statementCsv('treasury', [row(1), row(2), row(3)]));
  const a = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'week1.csv', data: first });
  const after = await counts(w.tdb);
  const again = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'week1-copy.csv', data: first });
  assert.deepEqual(again, { importId: a.importId, repeated: true });
  assert.deepEqual(await counts(w.tdb), after);

  const overlapping = Buffer.from(statementCsv('treasury', [row(2), row(3), row(4), row(5)]));
  const b = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'week2.csv', data: overlapping });
  const imp = await w.tdb.selectFrom('fin_stmt_imports').selectAll().where('id', '=', b.importId).executeTakeFirstOrThrow();
  assert.deepEqual([imp.line_count, imp.duplicate_count, imp.matched_count], [4, 2, 2]);
  assert.deepEqual((await lines(w.tdb, b.importId)).map((l) => l.bank_txn_id), ['OV-4', 'OV-5']);
  const payments = await w.tdb.selectFrom('fin_payments').select('provider_txn_id').where('provider', '=', 'treasury').where('provider_txn_id', 'like', 'OV-%').orderBy('provider_txn_id').execute();
  assert.deepEqual(payments.map((p) => p.provider_txn_id), ['OV-1', 'OV-2', 'OV-3', 'OV-4', 'OV-5']);
});

bothEngines('the demo\'s sample statements (fixtures/demo, one per source) import into Sisian as the docs say', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'demo');
  const outcome: Record<string, number[]> = {};
  for (const [source, file] of [['treasury', 'treasury.csv'], ['bank_hy', 'bank_hy.xlsx'], ['bank_ru', 'bank_ru.csv']] as const) {
    const { importId } = await importStatement(w.tdb, actor, { source, fileName: file, data: fs.readFileSync(path.join(dir, file)) });
    const imp = await w.tdb.selectFrom('fin_stmt_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
    outcome[source] = [imp.matched_count, imp.unmatched_count, imp.rejected_count];
  }
  assert.deepEqual(outcome, { treasury: [2, 1, 1], bank_hy: [2, 1, 0], bank_ru: [1, 1, 0] });
});

bothEngines('two uploads at once of the same file and of overlapping statements record each payment once', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const row = (n: number) => ({ date: `0${n}.11.2026`, amount: '700', txnId: `CC-${n}`, payerId: w.organization.taxId, purpose: 'Տուրք' });
  const same = Buffer.from(statementCsv('treasury', [row(1), row(2)]));
  const twice = await Promise.all([0, 1].map(() => importStatement(w.tdb, actor, { source: 'treasury', fileName: 'same.csv', data: same })));
  assert.equal(twice[0]!.importId, twice[1]!.importId);
  assert.deepEqual(twice.map((o) => o.repeated).sort(), [false, true]);
  // Separate TenantDb handles over the pool, so on PostgreSQL the two transactions really overlap.
  const a = Buffer.from(statementCsv('treasury', [row(3), row(4), row(5)]));
  const b = Buffer.from(statementCsv('treasury', [row(4), row(5), row(6)]));
  await Promise.all([a, b].map((data, i) => importStatement(w.tdb, actor, { source: 'treasury', fileName: `part-${i}.csv`, data })));
  const payments = await w.tdb.selectFrom('fin_payments').select('provider_txn_id').where('provider_txn_id', 'like', 'CC-%').orderBy('provider_txn_id').execute();
  assert.deepEqual(payments.map((p) => p.provider_txn_id), ['CC-1', 'CC-2', 'CC-3', 'CC-4', 'CC-5', 'CC-6']);
  const stored = await w.tdb.selectFrom('fin_stmt_lines').select('bank_txn_id').where('bank_txn_id', 'like', 'CC-%').execute();
  assert.equal(stored.length, 6);
});

bothEngines('a tax notice number in the purpose pays that year\'s taxes of the payer it names; another community\'s does not match', async (t, engine) => {
  const { services } = await setup(t, engine);
  const w = await statementWorld(services);
  const jermuk = await statementWorld(services, 'jermuk');
  const older = await w.owe(1_000, '2025-07-01');
  const current = await w.owe(2_000, '2026-07-01');
  const notice = (year: number, kind: 'R' | 'O', id: number) => `${year}-${kind}${String(id).padStart(6, '0')}`;
  const csv = statementCsv('treasury', [
    { date: '05.11.2026', amount: '2000', txnId: 'NT-1', payerName: 'Ընտանիքի անդամ', purpose: `Գույքահարկ, ծանուցում ${notice(2026, 'R', w.resident.id)}` },
    { date: '05.11.2026', amount: '500', txnId: 'NT-2', purpose: `Ծանուցում ${notice(2026, 'R', jermuk.resident.id)}` },
  ]);
  const { importId } = await importStatement(w.tdb, actor, { source: 'treasury', fileName: 'notices.csv', data: Buffer.from(csv) });
  const got = await lines(w.tdb, importId);
  assert.deepEqual(got.map((l) => [l.status, l.reason, l.resident_id]), [
    ['matched', 'finance.statements.match.byReference', w.resident.id],
    ['unmatched', 'finance.statements.match.unknownReference', null],
  ]);
  assert.equal((await due(w.tdb, current, '2026-11-05')).principal, 0);
  assert.equal((await due(w.tdb, older, '2026-11-05')).principal, 1_000);
});
