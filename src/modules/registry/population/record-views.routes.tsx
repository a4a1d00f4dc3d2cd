// The citizen's portal page "who viewed my record": staff views of the population register
// records carrying the account's verified public service number, in every community — on
// the record itself or wherever else the person was shown (a list, a household, an export).
import { h } from 'preact';
import { sql, type SqlBool } from 'kysely';
import { route } from '../../../platform/http/route.ts';
import { unscoped, type Executor } from '../../../platform/db/tenant.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { formatInstant, localized } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Notice, Table } from '../../../platform/ui/components.tsx';
import { actorLabel, auditDictionary } from '../../../platform/audit/audit-names.ts';
import { SHOWN_VIA, type ShownVia } from './people-audit.ts';

export async function recordViewsOf(db: Executor, userId: number) {
  const users = unscoped(db, 'the signed-in citizen reads their own account');
  const user = await users.selectFrom('users').select('verified_psn').where('id', '=', userId).executeTakeFirst();
  if (!user?.verified_psn) return null;
  // The citizen's own records in every community, and the staff views of them.
  const rows = await unscoped(db, 'a citizen sees the views of their own records, in whichever community holds them')
    .selectFrom('audit_events')
    .innerJoin('residents', (j) => j.on(sql<SqlBool>`audit_events.entity_id = cast(residents.id as varchar(20))`).onRef('residents.community_id', '=', 'audit_events.community_id'))
    .innerJoin('communities', 'communities.id', 'audit_events.community_id')
    .select(['audit_events.id', 'audit_events.at', 'audit_events.actor_label', 'audit_events.after_json', 'communities.name_hy', 'communities.name_en', 'communities.name_ru'])
    .where('residents.public_service_number', '=', user.verified_psn)
    .where('audit_events.entity_type', '=', 'resident')
    .where('audit_events.action', '=', 'resident.view')
    .orderBy('audit_events.at', 'desc')
    .limit(500)
    .execute();
  return rows;
}

type View = NonNullable<Awaited<ReturnType<typeof recordViewsOf>>>[number];

/** Where the record was shown (people-audit.ts writes it), in the reader's language. */
function whereShown(ctx: Ctx, v: View): string {
  let via: unknown;
  try {
    via = v.after_json ? (JSON.parse(v.after_json) as { via?: unknown }).via : undefined;
  } catch {
    via = undefined;
  }
  return (SHOWN_VIA as readonly unknown[]).includes(via) ? ctx.t(`registry.population.portal.via.${via as ShownVia}`) : '—';
}

function RecordViewsPage({ ctx, views }: { ctx: Ctx; views: View[] | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registry.population.portal.title')} path="/account/record-views" breadcrumbs={[{ href: '/account', label: t('nav.myAccount') }, { label: t('registry.population.portal.title') }]}>
      <h1>{t('registry.population.portal.title')}</h1>
      {views === null ? (
        <Notice tone="info" title={t('registry.population.portal.notLinked')} />
      ) : (
        <>
          <p>{t('registry.population.portal.intro')}</p>
          <Table
            t={t}
            caption={t('registry.population.portal.caption', { count: views.length })}
            rows={views}
            empty={t('registry.population.portal.none')}
            columns={[
              { key: 'who', label: t('registry.population.portal.who'), render: (v) => actorLabel(auditDictionary(ctx.services), t, v.actor_label) },
              { key: 'when', label: t('registry.population.portal.when'), render: (v) => <time dateTime={v.at}>{formatInstant(v.at)}</time> },
              { key: 'how', label: t('registry.population.portal.how'), render: (v) => whereShown(ctx, v) },
              { key: 'community', label: t('registry.population.portal.community'), render: (v) => localized(v, 'name', ctx.locale) },
            ]}
          />
        </>
      )}
    </Layout>
  );
}

export const portalRoutes = [
  route({
    method: 'GET',
    url: '/account/record-views',
    access: 'citizen',
    kind: 'page',
    handler: async (req, reply) => {
      const views = await recordViewsOf(req.ctx.db, req.ctx.actor!.userId);
      return sendPage(reply, h(RecordViewsPage, { ctx: req.ctx, views }));
    },
  }),
];
