// The operator's pages: the windows they may serve, and one window with its current
// visitor and the buttons that move the queue (each a small form, no JavaScript).
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, Notice, SummaryList, Table, Tag, type Tone } from '../../../platform/ui/components.tsx';
import { groupName, officeName, yerevanTime, type ServiceGroup } from './queue.groups.ts';
import { windowOffice, type TicketRow, type WindowRow } from './queue.queries.ts';
import { QueueStyles } from './queue.kiosk.views.tsx';

export const queueBase = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/queue`;

const STATUS_TONES: Record<string, Tone> = { waiting: 'grey', called: 'yellow', serving: 'blue', done: 'green', no_show: 'red' };

export const StatusTag = ({ ctx, status }: { ctx: Ctx; status: string }) => (
  <Tag tone={STATUS_TONES[status] ?? 'grey'}>{ctx.t(`queue.status.${status}` as MessageKey)}</Tag>
);

export const groupList = (ctx: Ctx, groups: ServiceGroup[]) => groups.map((g) => groupName(ctx.t, g)).join(', ');

const NOTICES: Record<string, MessageKey> = {
  called: 'queue.done.called', served: 'queue.done.served', done: 'queue.done.done', no_show: 'queue.done.noShow', recalled: 'queue.done.recalled', empty: 'queue.done.empty',
};

export interface WindowSummary {
  window: WindowRow;
  waiting: number;
  current: string | null;
}

export function OperatorListPage({ ctx, rows, links }: { ctx: Ctx; rows: WindowSummary[]; links: { manage: boolean; stats: boolean } }) {
  const { t } = ctx;
  const base = queueBase(ctx);
  const slug = ctx.requireCommunity().slug;
  const title = t('queue.staff.title');
  const offices = [...new Map(rows.map((r) => [r.window.settlement_id, windowOffice(r.window, ctx.locale)])).values()];
  return (
    <StaffLayout ctx={ctx} title={title} path={base} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p class="actions">
        {links.manage && <a href={`${base}/windows`}>{t('queue.windows.title')}</a>}
        {links.stats && <a href={`${base}/stats`}>{t('queue.stats.title')}</a>}
      </p>
      <Table
        t={t}
        caption={t('queue.staff.windows')}
        rows={rows}
        empty={t('queue.staff.noWindows')}
        columns={[
          { key: 'label', label: t('queue.window'), render: (r) => <a href={`${base}/windows/${r.window.id}`}>{t('queue.display.window', { window: r.window.label })}</a> },
          { key: 'office', label: t('queue.office'), render: (r) => officeName(t, windowOffice(r.window, ctx.locale)) },
          { key: 'groups', label: t('queue.groups'), render: (r) => groupList(ctx, r.window.groups) },
          { key: 'state', label: t('queue.windows.state'), render: (r) => (r.window.active ? t('queue.windows.open') : <Tag>{t('queue.windows.closed')}</Tag>) },
          { key: 'current', label: t('queue.staff.current'), render: (r) => r.current ?? '—' },
          { key: 'waiting', label: t('queue.waitingCount'), numeric: true, render: (r) => r.waiting },
        ]}
      />
      {offices.length > 0 && (
        <>
          <h2>{t('queue.staff.screens')}</h2>
          <ul>
            {offices.map((o) => (
              <li>
                {officeName(t, o)}: <a href={`/${slug}/queue?office=${o.key}`}>{t('queue.kiosk.title')}</a> · <a href={`/${slug}/queue/display?office=${o.key}`}>{t('queue.display.title')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </StaffLayout>
  );
}

/** A one-button form posting to `action`. */
function ActionForm({ ctx, action, variant = 'primary', children }: { ctx: Ctx; action: string; variant?: 'primary' | 'secondary' | 'warning'; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <Button variant={variant}>{children}</Button>
    </form>
  );
}

function CurrentTicket({ ctx, ticket }: { ctx: Ctx; ticket: TicketRow }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const act = (a: string) => `${queueBase(ctx)}/tickets/${ticket.id}/${a}`;
  return (
    <section aria-labelledby="queue-current-title" class="queue-current">
      <h2 id="queue-current-title">{t('queue.staff.current')}</h2>
      <p class="queue-current-number">{ticket.label}</p>
      <SummaryList
        rows={[
          { key: t('queue.group'), value: groupName(t, ticket.group_code) },
          { key: t('queue.status'), value: <StatusTag ctx={ctx} status={ticket.status} /> },
          { key: t('queue.issuedAt'), value: yerevanTime(ticket.issued_at) },
          { key: t('queue.calledAt'), value: ticket.called_at ? yerevanTime(ticket.called_at) : '—' },
        ]}
      />
      <div class="actions">
        {ticket.status === 'called' && (
          <>
            <ActionForm ctx={ctx} action={act('serve')}>{t('queue.action.serve')}</ActionForm>
            <ActionForm ctx={ctx} action={act('recall')} variant="secondary">{t('queue.action.recall')}</ActionForm>
            <ActionForm ctx={ctx} action={act('no-show')} variant="warning">{t('queue.action.noShow')}</ActionForm>
          </>
        )}
        {ticket.status === 'serving' && (
          <>
            <ActionForm ctx={ctx} action={act('done')}>{t('queue.action.done')}</ActionForm>
            <a href={`/${slug}/staff/desk/new?ticket=${ticket.id}`}>{t('queue.action.application')}</a>
          </>
        )}
      </div>
    </section>
  );
}

export interface WindowPageProps {
  ctx: Ctx;
  window: WindowRow;
  current: TicketRow | undefined;
  waiting: Partial<Record<ServiceGroup, number>>;
  done?: string;
  /** A refused action (409): what to tell the operator. */
  problem?: MessageKey;
}

export function WindowPage({ ctx, window, current, waiting, done, problem }: WindowPageProps) {
  const { t } = ctx;
  const base = queueBase(ctx);
  const office = officeName(t, windowOffice(window, ctx.locale));
  const title = `${t('queue.display.window', { window: window.label })} — ${office}`;
  const rows = window.groups.map((g) => ({ group: g, count: waiting[g] ?? 0 }));
  const notice = done ? NOTICES[done] : undefined;
  return (
    <StaffLayout ctx={ctx} title={title} path={`${base}/windows/${window.id}`} crumbs={[{ href: base, label: t('queue.staff.title') }, { label: title }]}>
      <QueueStyles />
      {problem && <Notice tone="warning" title={t(problem)} />}
      {notice && <Notice title={t(notice)} />}
      <h1>{title}</h1>
      {!window.active && <Notice tone="info" title={t('queue.error.windowClosed')} />}
      {current ? (
        <CurrentTicket ctx={ctx} ticket={current} />
      ) : (
        window.active === 1 && <ActionForm ctx={ctx} action={`${base}/windows/${window.id}/call-next`}>{t('queue.action.callNext')}</ActionForm>
      )}
      <Table
        t={t}
        caption={t('queue.display.waiting')}
        rows={rows}
        columns={[
          { key: 'group', label: t('queue.group'), render: (r) => groupName(t, r.group) },
          { key: 'count', label: t('queue.waitingCount'), numeric: true, render: (r) => r.count },
        ]}
      />
    </StaffLayout>
  );
}
