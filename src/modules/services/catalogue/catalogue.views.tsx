// The public catalogue: every published service of the community by group, and a page per
// service with what a citizen needs before applying (who may apply, documents, fee,
// deadline, where to apply). Plain HTML; the "apply online" button is a link.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, localized } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { ButtonLink, EmptyState, SummaryList, Table, Tag } from '../../../platform/ui/components.tsx';
import { pick, SERVICE_GROUPS } from './spec.ts';
import type { Service } from './catalogue.queries.ts';
import {
  appliesAtOffice, appliesOnline, applicantsText, channelsText, deadlineText, feeExplanation, feeSummary, feeTable, groupLabel,
} from './catalogue.display.ts';

function communityCrumb(ctx: Ctx) {
  const c = ctx.requireCommunity();
  return { href: `/${c.slug}`, label: localized(c, 'name', ctx.locale) };
}

export function CataloguePage({ ctx, services }: { ctx: Ctx; services: Service[] }) {
  const { t, locale } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('services.catalogue.public.title');
  return (
    <Layout ctx={ctx} title={title} path={`/${slug}/services`} breadcrumbs={[communityCrumb(ctx), { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('services.catalogue.public.lead')}</p>
      <p><a href={`/${slug}/services/performance`}>{t('services.catalogue.public.performance')}</a></p>
      {services.length === 0 && <EmptyState title={t('services.catalogue.public.none')} />}
      {SERVICE_GROUPS.map((g) => {
        const inGroup = services.filter((s) => s.spec.group === g);
        if (inGroup.length === 0) return null;
        return (
          <section aria-labelledby={`group-${g}`}>
            <h2 id={`group-${g}`}>{groupLabel(t, g)}</h2>
            <ul class="card-list">
              {inGroup.map((s) => (
                <li class="card">
                  <h3><a href={`/${slug}/services/${s.id}`}>{pick(s.spec.name, locale)}</a></h3>
                  <SummaryList
                    rows={[
                      { key: t('services.catalogue.fee'), value: feeSummary(t, locale, s.spec) },
                      { key: t('services.catalogue.deadline'), value: deadlineText(t, s.spec.deadline) },
                      { key: t('services.catalogue.channels'), value: channelsText(t, s.spec.channels) },
                    ]}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

function WhereToApply({ ctx, service }: { ctx: Ctx; service: Service }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const address = localized(c, 'address', ctx.locale);
  const hours = localized(c, 'reception_hours', ctx.locale);
  const office = appliesAtOffice(service.spec);
  return (
    <section aria-labelledby="apply">
      <h2 id="apply">{t('services.catalogue.public.howToApply')}</h2>
      {appliesOnline(service.spec) && <ButtonLink href={`/${c.slug}/services/${service.id}/apply`} variant="primary">{t('services.catalogue.public.applyOnline')}</ButtonLink>}
      {office && (
        <p>
          {t(appliesOnline(service.spec) ? 'services.catalogue.public.alsoAtOffice' : 'services.catalogue.public.onlyAtOffice')}
          {address && <> {address}.</>}
          {hours && <span class="pre-line"> {t('services.catalogue.public.hours', { hours })}</span>}
        </p>
      )}
    </section>
  );
}

export function ServicePage({ ctx, service }: { ctx: Ctx; service: Service }) {
  const { t, locale } = ctx;
  const slug = ctx.requireCommunity().slug;
  const spec = service.spec;
  const name = pick(spec.name, locale);
  const table = feeTable(spec, locale);
  return (
    <Layout ctx={ctx} title={name} path={`/${slug}/services/${service.id}`}
      breadcrumbs={[communityCrumb(ctx), { href: `/${slug}/services`, label: t('services.catalogue.public.title') }, { label: name }]}>
      <span class="muted">{groupLabel(t, spec.group)}</span>
      <h1>{name}</h1>
      <p class="lead">{pick(spec.description, locale)}</p>
      <SummaryList
        rows={[
          { key: t('services.catalogue.applicants'), value: applicantsText(t, spec.applicants) },
          { key: t('services.catalogue.fee'), value: feeExplanation(t, locale, spec) },
          { key: t('services.catalogue.deadline'), value: t('services.catalogue.public.deadlineFrom', { deadline: deadlineText(t, spec.deadline) }) },
          { key: t('services.catalogue.channels'), value: channelsText(t, spec.channels) },
        ]}
      />
      {table.length > 0 && (
        <Table
          t={t}
          caption={t('services.catalogue.public.feeTable')}
          rows={table}
          columns={[
            { key: 'option', label: t('services.catalogue.public.option'), render: (r) => r.label },
            { key: 'amount', label: t('services.catalogue.fee'), numeric: true, render: (r) => formatAmd(r.amount) },
          ]}
        />
      )}
      <section aria-labelledby="documents">
        <h2 id="documents">{t('services.catalogue.public.documents')}</h2>
        {spec.documents.length === 0 ? (
          <p>{t('services.catalogue.public.noDocuments')}</p>
        ) : (
          <ul>
            {spec.documents.map((d) => (
              <li>
                {pick(d.label, locale)}{' '}
                {!d.required && <Tag>{t('services.catalogue.public.ifApplicable')}</Tag>}{' '}
                <span class="muted">({t('services.catalogue.public.fileTypes', { types: d.types.map((x) => x.toUpperCase()).join(', '), mb: d.maxMb })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {spec.fields.length > 0 && (
        <section aria-labelledby="asks">
          <h2 id="asks">{t('services.catalogue.public.asks')}</h2>
          <ul>
            {spec.fields.map((f) => <li>{pick(f.label, locale)}{!f.required && <span class="muted"> {t('ui.optional')}</span>}</li>)}
          </ul>
        </section>
      )}
      <WhereToApply ctx={ctx} service={service} />
    </Layout>
  );
}
