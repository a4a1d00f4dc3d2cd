// "My applications" (/account/cases): the signed-in person's cases in every community,
// with drafts to continue listed apart from the applications already sent.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatInstant, localized } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Table } from '../../../platform/ui/components.tsx';
import { pick } from '../catalogue/spec.ts';
import type { MyCaseRow } from './portal.queries.ts';
import { StateTag, deadlineLine } from './portal-status.tsx';

export function MyCasesPage({ ctx, rows }: { ctx: Ctx; rows: MyCaseRow[] }) {
  const { t } = ctx;
  // A draft thrown away before it was sent is no application: it is not listed.
  const visible = rows.filter((r) => !(r.state === 'withdrawn' && r.submitted_at === null));
  const drafts = visible.filter((r) => r.state === 'draft');
  const sent = visible.filter((r) => r.state !== 'draft');
  const community = (r: MyCaseRow) => localized(r, 'name', ctx.locale);
  const service = (r: MyCaseRow) => pick(r.spec.name, ctx.locale);
  const title = t('services.portal.mine.title');
  return (
    <Layout ctx={ctx} title={title} path="/account/cases" breadcrumbs={[{ href: '/account', label: t('nav.myAccount') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t('services.portal.mine.intro')}</p>
      {drafts.length > 0 && (
        <>
          <h2>{t('services.portal.mine.drafts')}</h2>
          <Table
            t={t}
            caption={t('services.portal.mine.drafts')}
            captionHidden
            stack
            rows={drafts}
            columns={[
              { key: 'service', label: t('services.portal.mine.service'), render: (r) => service(r) },
              { key: 'community', label: t('services.portal.case.community'), render: community },
              { key: 'updated', label: t('services.portal.mine.updated'), render: (r) => <time dateTime={r.updated_at}>{formatInstant(r.updated_at)}</time> },
              {
                key: 'continue', label: t('services.portal.mine.action'),
                render: (r) => <a href={`/${r.slug}/cases/${r.id}/edit?step=details`}>{t('services.portal.mine.continue')}<span class="visually-hidden">: {service(r)}</span></a>,
              },
            ]}
          />
        </>
      )}
      <h2>{t('services.portal.mine.sent')}</h2>
      <Table
        t={t}
        caption={t('services.portal.mine.sent')}
        captionHidden
        stack
        rows={sent}
        empty={t('services.portal.mine.none')}
        columns={[
          { key: 'number', label: t('services.portal.mine.number'), render: (r) => <a href={`/${r.slug}/cases/${r.id}`}>{r.reg_number ?? t('services.portal.mine.noNumber')}<span class="visually-hidden">: {service(r)}</span></a> },
          { key: 'service', label: t('services.portal.mine.service'), render: service },
          { key: 'community', label: t('services.portal.case.community'), render: community },
          { key: 'status', label: t('services.portal.case.status'), render: (r) => <StateTag ctx={ctx} spec={r.spec} state={r.state} /> },
          { key: 'deadline', label: t('services.portal.deadline'), render: (r) => deadlineLine(ctx, r, r.spec) },
          { key: 'updated', label: t('services.portal.mine.updated'), render: (r) => <time dateTime={r.updated_at}>{formatInstant(r.updated_at)}</time> },
        ]}
      />
    </Layout>
  );
}
