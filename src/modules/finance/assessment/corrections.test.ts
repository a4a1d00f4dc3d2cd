// Corrections on both engines: after the register changes (value, owner), a recalculation
// lists the differences and posts nothing; the accountant's approval posts the reversal and
// the new accrual (or a new obligation for the new owner) once, however often it is sent.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { runDueJobs } from '../../../platform/jobs/runner.ts';
import { signInAs } from '../../../../test/session.ts';
import { runAssessCommand } from './assess.cli.ts';
import { addStructure, ledgerCounts, linesOf, principalOf, setOwners, tenantOf, threeResidents } from './assessment.testkit.ts';

const YEAR = Number(todayInYerevan().slice(0, 4));
const quiet = { out: () => {}, err: () => {} };

bothEngines('corrections: a changed value and a new owner become differences, posted once on approval', async (t, engine) => {
  const env = await setup(t, engine);
  const tdb = await tenantOf(env.services, 'sisian');
  const [a, b, c] = await threeResidents(tdb);
  const flat = await addStructure(tdb, 'T-02-001', 'apartment', 'residential', 6_000_000, [{ type: 'resident', id: a, share: [1, 2] }, { type: 'resident', id: b, share: [1, 2] }]);
  const sold = await addStructure(tdb, 'T-02-002', 'apartment', 'residential', 4_000_000, [{ type: 'resident', id: a, share: [1, 1] }]);
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: String(YEAR) }, quiet), 0);
  const [oldA] = await linesOf(tdb, 'structure', flat);
  const [soldLine] = await linesOf(tdb, 'structure', sold);
  assert.equal(Number(oldA!.amount), 1500);

  // The register is corrected: the flat's value, and the second flat's owner.
  await tdb.updateTable('structures').set({ cadastral_value: 8_000_000 }).where('id', '=', flat).execute();
  await setOwners(tdb, 'structure', sold, [{ type: 'resident', id: c, share: [1, 1] }], todayInYerevan());

  const accountant = await signInAs(env.services, 'accountant@sisian.example');
  const form = (fields: Record<string, string>) => ({
    payload: new URLSearchParams({ ...fields, _csrf: accountant.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: accountant.cookie },
  });
  const started = await env.app.inject({ method: 'POST', url: '/sisian/staff/finance/assessment/runs', ...form({ year: String(YEAR), kind: 'recalculation' }) });
  assert.equal(started.statusCode, 303);
  const runUrl = String(started.headers.location).replace(/\?.*/, '');
  const before = await ledgerCounts(env.services, tdb.communityId);
  await runDueJobs(env.services);

  const page = await env.app.inject({ method: 'GET', url: runUrl, headers: { cookie: accountant.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /T-02-001/);
  assert.match(page.body, /T-02-002/);
  assert.deepEqual(await ledgerCounts(env.services, tdb.communityId), before, 'nothing is posted before approval');

  const runId = Number(runUrl.split('/').pop());
  const diffs = await tdb.selectFrom('fin_assessment_differences').selectAll().where('run_id', '=', runId).orderBy('id').execute();
  const mine = diffs.filter((d) => d.object_label.startsWith('T-02-')).map((d) => [d.object_label, d.resident_id, Number(d.old_amount), Number(d.new_amount), d.reason]);
  assert.deepEqual(mine, [['T-02-001', a, 1500, 2000, 'value'], ['T-02-001', b, 1500, 2000, 'value'], ['T-02-002', a, 2000, 0, 'owner'], ['T-02-002', c, 0, 2000, 'owner']]);

  const approve = () => env.app.inject({ method: 'POST', url: `${runUrl}/approve`, ...form({}) });
  assert.equal((await approve()).statusCode, 303);
  const afterOnce = await ledgerCounts(env.services, tdb.communityId);
  assert.equal((await approve()).statusCode, 303, 'a second approval is answered, not refused');
  assert.deepEqual(await ledgerCounts(env.services, tdb.communityId), afterOnce, 'approved twice posts once');

  assert.equal(await principalOf(tdb, oldA!.obligation_id!), 2000, 'the old accrual reversed and the new one posted on the same obligation');
  assert.equal(await principalOf(tdb, soldLine!.obligation_id!), 0, 'the former owner owes nothing');
  const [newOwner] = await linesOf(tdb, 'structure', sold);
  assert.equal(newOwner!.resident_id, c);
  assert.notEqual(newOwner!.obligation_id, soldLine!.obligation_id);
  assert.equal(await principalOf(tdb, newOwner!.obligation_id!), 2000);
  const status = await tdb.selectFrom('fin_obligations').select('status').where('id', '=', soldLine!.obligation_id!).executeTakeFirstOrThrow();
  assert.equal(status.status, 'cancelled');
  const audited = await env.services.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'finance.assessment.correct').where('community_id', '=', tdb.communityId).execute();
  assert.equal(audited.length, diffs.length);

  // The register now matches the lines: another recalculation finds nothing.
  assert.equal(await runAssessCommand(env.services, { community: 'sisian', year: String(YEAR), recalculate: true }, quiet), 0);
  const last = await tdb.selectFrom('fin_assessment_runs').select(['differences']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(last.differences, 0);
});
