// The ledger's reports page (staff): collection of a year, arrears, the largest debtors.
import { h } from 'preact';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import { reportsQuery } from './payers.schemas.ts';
import { arrearsBySettlementAndKind, collection, communityBalances, largestDebtors } from './reports.queries.ts';
import { payerIdentity } from './payer.ts';
import { ReportsPage } from './reports.views.tsx';

const DEBTORS = 20;

export const reportsRoutes: RouteDef[] = [
  route({
    method: 'GET', url: '/:slug/staff/finance/reports', access: 'staff:finance.ledger_view', kind: 'page',
    schema: { params: slugParams, querystring: reportsQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tdb = ctx.tenant();
      const today = todayInYerevan();
      const thisYear = Number(today.slice(0, 4));
      const year = req.query.year ?? thisYear;
      const end = `${year}-12-31` < today ? `${year}-12-31` : today;
      const [balances, coll, settlements] = await Promise.all([
        communityBalances(tdb, today),
        collection(tdb, `${year}-01-01`, end),
        tdb.selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).execute(),
      ]);
      const top = largestDebtors(balances, today, DEBTORS);
      const debtors = await Promise.all(top.map(async (d) => ({ ...d, identity: await payerIdentity(tdb, d.payer) })));
      await auditResidentsShown(tdb, ctx.auditActor(), 'list', top.flatMap((d) => (d.payer.kind === 'resident' ? [{ residentId: d.payer.residentId }] : [])));
      const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
      if (!years.includes(year)) years.push(year);
      return sendPage(reply, h(ReportsPage, {
        ctx, data: { year, years, asOf: today, collection: coll, arrears: arrearsBySettlementAndKind(balances, today), settlements: new Map(settlements.map((s) => [s.id, s])), debtors },
      }));
    },
  }),
];
