// The back office's audit log: a filterable, paged list of the community's events and
// one event with its before/after data. Filters are a GET form, so links keep them.
import type { Ctx } from '../http/context.ts';
import type { Crumb } from '../ui/layout.tsx';
import { StaffLayout } from '../ui/staff-layout.tsx';
import { DayInput } from '../ui/day-input.tsx';
import { actionLabel, actorLabel, subjectLabel, type AuditDictionary, type NamedSubject } from './audit-names.ts';
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
  dictionary: AuditDictionary;
  /** Names and links of the subjects shown, by `type:id`. */
  subjects: Map<string, NamedSubject>;
}

function base(ctx: Ctx): string {
  return `/${ctx.requireCommunity().slug}/staff/audit`;
}

function crumbs(ctx: Ctx, last?: string): Crumb[] {
  return last ? [{ href: base(ctx), label: ctx.t('audit.title') }, { label: last }] : [{ label: ctx.t('audit.title') }];
}

/** "Application 2026/000338" linked to its page; a subject without a name keeps its number. */
function Subject({ ctx, e, dictionary, subjects }: { ctx: Ctx; e: AuditEventRow; dictionary: AuditDictionary; subjects: Map<string, NamedSubject> }) {
  const kind = subjectLabel(dictionary, ctx.t, e.entity_type);
  if (!e.entity_id) return <>{kind}</>;
  const named = subjects.get(`${e.entity_type}:${e.entity_id}`);
  const text = `${kind} ${named?.name ?? `#${e.entity_id}`}`;
  return named?.href ? <a href={named.href}>{text}</a> : <>{text}</>;
}

/** Filter options by their translated label, in the reader's alphabetical order. */
function labelled(values: string[], label: (v: string) => string) {
  return values.map((value) => ({ value, label: label(value) })).sort((a, b) => a.label.localeCompare(b.label));
}

export function AuditListPage(props: AuditListProps) {
  const { ctx, form, query, rows, total, page, pages, dictionary, subjects } = props;
  const { t } = ctx;
  const path = base(ctx);
  const columns: Column<AuditEventRow>[] = [
    { key: 'at', label: t('audit.col.time'), render: (e) => <a href={`${path}/${e.id}`}>{formatInstant(e.at)}</a> },
    { key: 'actor', label: t('audit.col.actor'), render: (e) => actorLabel(dictionary, t, e.actor_label) },
    { key: 'action', label: t('audit.col.action'), render: (e) => actionLabel(dictionary, t, e.action) },
    { key: 'entity', label: t('audit.col.entity'), render: (e) => <Subject ctx={ctx} e={e} dictionary={dictionary} subjects={subjects} /> },
    { key: 'ip', label: t('audit.col.ip'), render: (e) => e.ip ?? t('audit.event.unknown') },
  ];
  const any = t('audit.filter.any');
  const labels = {
    action: t('audit.filter.action'), actor: t('audit.filter.actor'), entity: t('audit.filter.entity'),
    from: t('audit.filter.from'), to: t('audit.filter.to'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('audit.title')} path={path} crumbs={crumbs(ctx)}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ErrorSummary form={form} labels={labels} />
      <form method="get" action={path} class="filters" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('audit.filters')}</h2>
        <Select form={form} name="action" label={labels.action} placeholder={any} options={labelled(props.actions, (a) => actionLabel(dictionary, t, a))} />
        <TextInput form={form} name="actor" label={labels.actor} hint={t('audit.filter.actorHint')} width="m" />
        <Select form={form} name="entity" label={labels.entity} placeholder={any} options={labelled(props.entityTypes, (a) => subjectLabel(dictionary, t, a))} />
        <DayInput form={form} name="from" label={labels.from} />
        <DayInput form={form} name="to" label={labels.to} />
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
    </StaffLayout>
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

export function AuditEventPage({ ctx, event, dictionary, subjects }: { ctx: Ctx; event: AuditEventRow; dictionary: AuditDictionary; subjects: Map<string, NamedSubject> }) {
  const { t } = ctx;
  const title = t('audit.event.title', { seq: event.seq });
  const path = `${base(ctx)}/${event.id}`;
  const unknown = t('audit.event.unknown');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: t('audit.event.time'), value: <time dateTime={event.at}>{formatInstant(event.at)}</time> },
          { key: t('audit.event.actor'), value: actorLabel(dictionary, t, event.actor_label) },
          { key: t('audit.event.action'), value: <>{actionLabel(dictionary, t, event.action)} <code class="muted">{event.action}</code></> },
          { key: t('audit.event.entity'), value: <Subject ctx={ctx} e={event} dictionary={dictionary} subjects={subjects} /> },
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
    </StaffLayout>
  );
}
