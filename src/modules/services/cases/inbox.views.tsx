// The staff inbox: tabs with counts (mine, unassigned, open, overdue, at risk, awaiting
// registration, closed, all), filters, and a table whose deadline column says in words
// when a case is overdue, due soon or paused (never colour alone). Also the state tag and
// deadline marker the case page reuses.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, Pager, Select, Table, Tag, TextInput, type FormState, type Tone } from '../../../platform/ui/components.tsx';
import { pick } from '../catalogue/spec.ts';
import { INBOX_VIEWS, type InboxQuery, type InboxView } from './cases.schemas.ts';
import { COUNT_CAP, type InboxItem, type InboxPage as InboxData } from './cases.queries.ts';

const TONES: Record<string, Tone> = {
  submitted: 'blue', registered: 'blue', in_review: 'purple', info_requested: 'yellow', approved: 'green', delivered: 'green', rejected: 'red', withdrawn: 'grey', draft: 'grey',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Tag tone={TONES[state] ?? 'purple'}>{label}</Tag>;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** A count with spaced thousands; "1 000+" once it reached the cap. */
export function countText(n: number): string {
  return n > COUNT_CAP ? `${grouped(COUNT_CAP)}+` : grouped(n);
}

/** The words next to a deadline: overdue, due soon, or paused. */
export function DeadlineMarker({ ctx, overdue, atRisk, paused }: { ctx: Ctx; overdue: boolean; atRisk: boolean; paused: boolean }) {
  if (paused) return <Tag tone="grey">{ctx.t('services.inbox.marker.paused')}</Tag>;
  if (overdue) return <Tag tone="red">{ctx.t('services.inbox.marker.overdue')}</Tag>;
  if (atRisk) return <Tag tone="yellow">{ctx.t('services.inbox.marker.atRisk')}</Tag>;
  return null;
}

function DeadlineCell({ ctx, item }: { ctx: Ctx; item: InboxItem }) {
  if (!item.due_date) return <span class="muted">—</span>;
  return (
    <>
      <time dateTime={item.due_date}>{formatDay(item.due_date)}</time>{' '}
      <DeadlineMarker ctx={ctx} overdue={item.overdue} atRisk={item.atRisk} paused={item.paused_at !== null} />
    </>
  );
}

function Tabs({ ctx, path, view, counts }: { ctx: Ctx; path: string; view: InboxView; counts: InboxData['counts'] }) {
  return (
    <nav aria-label={ctx.t('services.inbox.views')}>
      <p class="actions">
        {INBOX_VIEWS.map((v) => {
          const label = `${ctx.t(`services.inbox.view.${v}`)} (${countText(counts[v])})`;
          return v === view ? <strong aria-current="page">{label}</strong> : <a href={`${path}?view=${v}`}>{label}</a>;
        })}
      </p>
    </nav>
  );
}

export interface InboxProps {
  ctx: Ctx;
  view: InboxView;
  query: InboxQuery;
  data: InboxData;
  canDesk: boolean;
}

export function InboxPage({ ctx, view, query, data, canDesk }: InboxProps) {
  const { t, locale } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/cases`;
  const title = t('services.inbox.title');
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...query, view })) if (v !== undefined && k !== 'page') values[k] = String(v);
  const form: FormState = { t, values };
  const services = data.catalogue.services.filter((s) => s.spec).map((s) => ({ value: String(s.id), label: pick(s.spec!.name, locale) }));
  const states = [...data.catalogue.states].filter(([k]) => k !== 'draft').map(([k, label]) => ({ value: k, label: pick(label, locale) }));
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      {canDesk && <ButtonLink href={`/${slug}/staff/desk`}>{t('services.desk.title')}</ButtonLink>}
      <Tabs ctx={ctx} path={path} view={view} counts={data.counts} />
      <form method="get" action={path} class="filters" role="search" aria-label={t('services.inbox.filters')}>
        <input type="hidden" name="view" value={view} />
        <TextInput form={form} name="q" label={t('services.inbox.search')} hint={t('services.inbox.searchHint')} width="m" />
        <Select form={form} name="service" label={t('services.inbox.service')} options={services} placeholder={t('services.inbox.any')} />
        <Select form={form} name="state" label={t('services.inbox.state')} options={states} placeholder={t('services.inbox.any')} />
        <Button variant="secondary">{t('services.inbox.apply')}</Button>
      </form>
      <Table
        t={t}
        caption={t('services.inbox.caption', { view: t(`services.inbox.view.${view}`), count: countText(data.total) })}
        rows={data.items}
        empty={t('services.inbox.empty')}
        columns={[
          { key: 'number', label: t('services.inbox.col.number'), render: (r) => <a href={`${path}/${r.id}`}>{r.reg_number ?? t('services.inbox.unregistered', { id: r.id })}</a> },
          { key: 'service', label: t('services.inbox.col.service'), render: (r) => pick(r.serviceName, locale) },
          { key: 'applicant', label: t('services.inbox.col.applicant'), render: (r) => r.applicant_name },
          { key: 'state', label: t('services.inbox.col.state'), render: (r) => <StateTag state={r.state} label={pick(r.stateLabel, locale)} /> },
          { key: 'assignee', label: t('services.inbox.col.assignee'), render: (r) => r.assignee_name ?? r.department ?? <span class="muted">{t('services.inbox.nobody')}</span> },
          { key: 'due', label: t('services.inbox.col.deadline'), render: (r) => <DeadlineCell ctx={ctx} item={r} /> },
          { key: 'updated', label: t('services.inbox.col.updated'), render: (r) => <time dateTime={r.updated_at}>{formatInstant(r.updated_at)}</time> },
        ]}
      />
      {data.total > COUNT_CAP && <p class="hint">{t('services.inbox.capped', { cap: countText(COUNT_CAP) })}</p>}
      <Pager t={t} page={data.page} pages={data.pages} path={path} query={values} />
    </StaffLayout>
  );
}
