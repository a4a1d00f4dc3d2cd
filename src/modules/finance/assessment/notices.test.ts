// Tax notices on both engines: the accountant sees the payers of the year, downloads a
// payer's PDF and the mailing list, and sends the notices — once per payer and channel.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { signInAs } from '../../../../test/session.ts';
import { runAssessCommand } from './assess.cli.ts';
import { addStructure, tenantOf, threeResidents } from './assessment.testkit.ts';
import { noticeNumber } from './notices.data.ts';

const YEAR = Number(todayInYerevan().slice(0, 4));

bothEngines('notices: a payer\'s PDF, the mailing list, and sending once per payer and channel', async (t, engine) => {
  const env = await setup(t, engine);
  const tdb = await tenantOf(env.services, 'sisian');
  const [a] = await threeResidents(tdb);
  await tdb.updateTable('residents').set({ email: 'ani@example.am', phone: '+37491000001' }).where('id', '=', a).execute();
  await addStructure(tdb, 'T-03-001', 'apartment', 'residential', 9_000_000, [{ type: 'resident', id: a, share: [1, 1] }]);
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: String(YEAR) }, { out: () => {}, err: () => {} }), 0);

  const s = await signInAs(env.services, 'accountant@sisian.example');
  const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const base = '/sisian/staff/finance/assessment/notices';
  const number = noticeNumber(YEAR, 'resident', a);
  const page = await get(`${base}?year=${YEAR}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(number));

  const pdf = await get(`${base}/residents/${a}/pdf?year=${YEAR}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const csv = await get(`${base}/mailing-list?year=${YEAR}&format=csv`);
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, new RegExp(`${number},Ավետիսյան Անի,9000000001`));
  assert.equal((await get(`${base}/mailing-list?year=${YEAR}&format=pdf`)).statusCode, 400);

  const outbox = async () => (await env.services.db.kysely.selectFrom('outbox_messages').select(['recipient', 'channel']).where('recipient', 'in', ['ani@example.am', '+37491000001']).execute()).length;
  const send = () => env.app.inject({
    method: 'POST', url: `${base}/send`, payload: new URLSearchParams({ year: String(YEAR), _csrf: s.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
  });
  assert.equal((await send()).statusCode, 303);
  assert.equal(await outbox(), 2, 'one e-mail and one SMS');
  assert.equal((await send()).statusCode, 303);
  assert.equal(await outbox(), 2, 'not twice');
});
