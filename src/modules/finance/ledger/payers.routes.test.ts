// The payer pages on both engines, as an accountant uses them: find a payer by name or public
// service number, see the obligations with the penalty to date, the statement of a period on
// screen and as a PDF in Armenian, correct the ledger from the forms (a refused one shows a
// translated error and writes nothing), and the reports. Reads are audited as personal data.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { pdfText, missingGlyphs } from '../../../platform/pdf/pdf-text.testkit.ts';
import { browserAs } from '../../services/portal/portal.testkit.ts';
import { ledgerWorld } from './ledger.testkit.ts';
import { applyPayment } from './allocate.ts';

bothEngines('ledger pages: an accountant finds a payer, reads the balance and statement, and corrects the ledger', async (t, engine) => {
  const env = await setup(t, engine);
  const w = await ledgerWorld(env.services);
  const db = env.services.db.kysely;
  const payer = w.payer as { kind: 'resident'; residentId: number };
  const resident = await w.tdb.selectFrom('residents').select(['last_name', 'first_name', 'public_service_number']).where('id', '=', payer.residentId).executeTakeFirstOrThrow();
  const ob = await w.owe(100_000, '2024-12-02', { label: 'Apartment 5' });
  const paid = await w.pay(40_000, '2025-01-10');
  await applyPayment(w.tdb, paid, { on: '2025-01-10' });
  const accountant = await browserAs(env, 'accountant@sisian.example');
  const base = `/sisian/staff/finance/payers/residents/${payer.residentId}`;

  const search = await accountant.get(`/sisian/staff/finance/payers?q=${encodeURIComponent(resident.last_name)}`);
  assert.equal(search.statusCode, 200);
  assert.ok(search.body.includes(base), 'the payer is found by name');
  if (resident.public_service_number) {
    const byPsn = await accountant.get(`/sisian/staff/finance/payers?q=${resident.public_service_number}`);
    assert.ok(byPsn.body.includes(base), 'and by public service number');
  }

  const page = await accountant.get(`${base}?from=2025-01-01&to=2025-12-31`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Apartment 5/);
  assert.match(page.body, /Penalty to date/);
  assert.match(page.body, /to be checked/);
  const views = await db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', 'in', ['finance.payer.view', 'resident.view']).execute();
  assert.ok(views.some((v) => v.action === 'finance.payer.view' && v.entity_id === `r${payer.residentId}`), 'the read of finances is audited');
  assert.ok(views.some((v) => v.action === 'resident.view' && v.entity_id === String(payer.residentId)), 'and names the person as the register does');

  const pdf = await accountant.get(`${base}/statement.pdf?from=2025-01-01&to=2025-12-31&lang=hy`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload).join(' ');
  assert.match(text, /Քաղվածք/);
  assert.match(text, /Apartment 5/);
  assert.equal(missingGlyphs(pdf.rawPayload), 0, 'Armenian renders');
  const reversed = await accountant.get(`${base}/statement?from=2025-12-31&to=2025-01-01`);
  assert.equal(reversed.statusCode, 400);
  assert.match(reversed.body, /cannot start after it ends/);

  // A relief without a legal ground: a translated error on its form, nothing written.
  const entries = async () => (await w.tdb.selectFrom('fin_entries').select('id').execute()).length;
  const before = await entries();
  const refused = await accountant.post(`${base}/relief`, { obligation: String(ob), component: 'principal', amount: '1000', legal_ground: '' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Enter the legal ground/);
  assert.equal(await entries(), before);
  const relief = await accountant.post(`${base}/relief`, { obligation: String(ob), component: 'principal', amount: '10 000', legal_ground: 'Council decision N 5-N of 01.02.2025' });
  assert.equal(relief.statusCode, 303);
  assert.match(String(relief.headers.location), /\?done=relief$/);
  const other = await w.owe(1_000, '2025-12-01', { payer: w.other });
  const beforeForeign = await entries();
  const foreign = await accountant.post(`${base}/write-off`, { obligation: String(other), component: 'principal', amount: '1000', legal_ground: 'HO-93-N' });
  assert.equal(foreign.statusCode, 400, 'another payer\'s obligation cannot be corrected from this page');
  assert.equal(await entries(), beforeForeign);

  // The demo has debtors of its own: a debt larger than any of theirs puts this payer on the list.
  await w.owe(900_000_000, '2024-12-01', { label: 'Factory, Sisian' });
  const reports = await accountant.get('/sisian/staff/finance/reports?year=2024');
  assert.equal(reports.statusCode, 200);
  assert.match(reports.body, /The largest debtors/);
  assert.ok(reports.body.includes(base));
  assert.equal((await accountant.get('/sisian/staff/finance/reports?year=abc')).statusCode, 400);

  const operator = await browserAs(env, 'operator@sisian.example');
  assert.equal((await operator.get(base)).statusCode, 403, 'an operator does not see finances');
});
