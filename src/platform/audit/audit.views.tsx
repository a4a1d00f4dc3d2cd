// The back office's audit log: a filterable, paged list of the community's events and
// one event with its before/after data. Filters are a GET form, so links keep them.
import type { Ctx } from '../http/context.ts';
import { Layout, type Crumb } from '../ui/layout.tsx';
import { navLinks } from '../ui/nav.ts';
import {
  Button, ErrorSummary, Pager, Select, SummaryList, Table, TextInput, type Column, type FormState,
} from '../ui/components.tsx';
import { formatInstant } from '../i18n/index.ts';
import type { AuditEventRow } from './audit.queries.ts';

export interface AuditListProps {
  ctx: Ctx;
  form: FormState;
  query: Record<string, string>;
  rows: AuditEventRow[];
  total: number;
  page: number;
  pages: number;
  actions: string[];
  entityTypes: string[];
}

function base(ctx: Ctx): string {
  return `/${ctx.requireCommunity().slug}/staff/audit`;
}

function crumbs(ctx: Ctx, last?: string): Crumb[] {
  const slug = ctx.requireCommunity().slug;
  const list: Crumb[] = [{ href: `/${slug}/staff`, label: ctx.t('audit.backOffice') }];
  if (last) list.push({ href: base(ctx), label: ctx.t('audit.title') }, { label: last });
  else list.push({ label: ctx.t('audit.title') });
  return list;
}

function entityLabel(e: AuditEventRow): string {
  return e.entity_id ? `${e.entity_type} ${e.entity_id}` : e.entity_type;
}

export function AuditListPage(props: AuditListProps) {
  const { ctx, form, query, rows, total, page, pages } = props;
  const { t } = ctx;
  const path = base(ctx);
  const columns: Column<AuditEventRow>[] = [
    { key: 'at', label: t('audit.col.time'), render: (e) => <a href={`${path}/${e.id}`}>{formatInstant(e.at)}</a> },
    { key: 'actor', label: t('audit.col.actor'), render: (e) => e.actor_label },
    { key: 'action', label: t('audit.col.action'), render: (e) => <code>{e.action}</code> },
    { key: 'entity', label: t('audit.col.entity'), render: (e) => entityLabel(e) },
    { key: 'ip', label: t('audit.col.ip'), render: (e) => e.ip ?? t('audit.event.unknown') },
  ];
  const any = t('audit.filter.any');
  const labels = {
    action: t('audit.filter.action'), actor: t('audit.filter.actor'), entity: t('audit.filter.entity'),
    from: t('audit.filter.from'), to: t('audit.filter.to'),
  };
  return (
    <Layout ctx={ctx} title={t('audit.title')} path={path} breadcrumbs={crumbs(ctx)} nav={navLinks(ctx, 'backoffice', path)}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ErrorSummary form={form} labels={labels} />
      <form method="get" action={path} class="filters" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <Select form={form} name="action" label={labels.action} placeholder={any} options={props.actions.map((a) => ({ value: a, label: a }))} />
        <TextInput form={form} name="actor" label={labels.actor} hint={t('audit.filter.actorHint')} width="m" />
        <Select form={form} name="entity" label={labels.entity} placeholder={any} options={props.entityTypes.map((a) => ({ value: a, label: a }))} />
        <TextInput form={form} name="from" type="date" label={labels.from} width="s" />
        <TextInput form={form} name="to" type="date" label={labels.to} width="s" />
        <Button>{t('audit.filter.apply')}</Button> <a href={path}>{t('audit.filter.reset')}</a>
      </form>
      <Table
        t={t}
        caption={t('audit.caption', { count: total })}
        columns={columns}
        rows={rows}
        path={path}
        query={query}
        empty={t('audit.empty')}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={query} />
    </Layout>
  );
}

function JsonBlock({ ctx, value, labelId }: { ctx: Ctx; value: string | null; labelId: string }) {
  if (value === null) return <p class="muted">{ctx.t('audit.event.none')}</p>;
  let pretty = value;
  try {
    pretty = JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    // Shown as stored.
  }
  return <pre class="json" aria-labelledby={labelId} tabIndex={0}>{pretty}</pre>;
}

export function AuditEventPage({ ctx, event }: { ctx: Ctx; event: AuditEventRow }) {
  const { t } = ctx;
  const title = t('audit.event.title', { seq: event.seq });
  const path = `${base(ctx)}/${event.id}`;
  const unknown = t('audit.event.unknown');
  return (
    <Layout ctx={ctx} title={title} path={path} breadcrumbs={crumbs(ctx, title)} nav={navLinks(ctx, 'backoffice', path)}>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t('audit.event.time'), value: <time dateTime={event.at}>{formatInstant(event.at)}</time> },
          { key: t('audit.event.actor'), value: event.actor_label },
          { key: t('audit.event.action'), value: <code>{event.action}</code> },
          { key: t('audit.event.entity'), value: entityLabel(event) },
          { key: t('audit.event.ip'), value: event.ip ?? unknown },
          { key: t('audit.event.requestId'), value: event.request_id ? <code>{event.request_id}</code> : unknown },
          { key: t('audit.event.chain'), value: <code>{`${event.chain} #${event.seq}`}</code> },
          { key: t('audit.event.hash'), value: <code class="break-all">{event.hash}</code> },
          { key: t('audit.event.prevHash'), value: <code class="break-all">{event.prev_hash}</code> },
        ]}
      />
      <h2 id="audit-before">{t('audit.event.before')}</h2>
      <JsonBlock ctx={ctx} value={event.before_json} labelId="audit-before" />
      <h2 id="audit-after">{t('audit.event.after')}</h2>
      <JsonBlock ctx={ctx} value={event.after_json} labelId="audit-after" />
      <p>
        <a href={base(ctx)}>{t('audit.back')}</a>
      </p>
    </Layout>
  );
}
