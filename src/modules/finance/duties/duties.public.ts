// What the public sees of local duties and fees: this year's rates as the council set them
// (the law wants them published: FOI Art 7(9)), on the community's "Taxes and fees" page and
// as the website's `finance.local_duties` publication, with the tax estimator beside them.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams } from '../../../platform/http/route.ts';
import { TenantDb, type Executor } from '../../../platform/db/tenant.ts';
import { formatAmd, formatDay, todayInYerevan, type Locale } from '../../../platform/i18n/index.ts';
import type { Publication } from '../../../platform/module/contract.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { listKinds, kindName } from './duties.catalogue.ts';
import { ratesOfYear } from './duties.rates.ts';
import { PublicRatesPage, type PublicRate } from './duties.public.views.tsx';

/** This year's rates of a community with their kinds' names, in the catalogue's order. */
export async function publicRates(db: Executor, communityId: number, locale: Locale, year = Number(todayInYerevan().slice(0, 4))): Promise<PublicRate[]> {
  const [rates, kinds] = await Promise.all([ratesOfYear(new TenantDb(db, communityId), year), listKinds(db)]);
  const byId = new Map(kinds.map((k) => [k.id, k]));
  return rates.flatMap((r) => {
    const kind = byId.get(r.kind_id);
    return kind ? [{ ...r, name: kindName(kind, locale), group: kind.grp }] : [];
  });
}

export const localDutiesPublication: Publication = {
  kind: 'finance.local_duties',
  label: 'finance.duties.public.title',
  url: (c) => `/${c.slug}/taxes`,
  async list(services, community, { locale, limit }) {
    const rates = await publicRates(services.db.kysely, community.id, locale);
    return rates.slice(0, limit).map((r) => ({
      id: String(r.id),
      title: `${r.name}: ${formatAmd(r.rate)}`,
      summary: `${r.decision_number}, ${formatDay(r.decision_date)}`,
      date: r.decision_date,
      url: `/${community.slug}/taxes#rate-${r.id}`,
      language: locale,
      attachments: [],
    }));
  },
};

export const dutiesPublicRoutes = [
  route({
    method: 'GET',
    url: '/:slug/taxes',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams, querystring: z.object({}).strict() },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const community = ctx.requireCommunity();
      const year = Number(todayInYerevan().slice(0, 4));
      const rates = await publicRates(ctx.db, community.id, ctx.locale, year);
      return sendPage(reply, h(PublicRatesPage, { ctx, year, rates }));
    },
  }),
];
