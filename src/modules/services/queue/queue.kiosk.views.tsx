// The public pages of the queue a visitor meets: choosing the office, the ticket screen
// (one big button per service group, made for a touch screen, a plain form without
// JavaScript) and the ticket itself, which prints cleanly.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { CsrfField, ErrorSummary, Notice, type FormState } from '../../../platform/ui/components.tsx';
import { GROUP_LETTERS, groupName, officeName, yerevanTime, type Office, type ServiceGroup } from './queue.groups.ts';
import type { TicketRow } from './queue.queries.ts';

/** The queue's own styles (big buttons, the display, the printed ticket). */
export const QueueStyles = () => <link rel="stylesheet" href="/static/queue.css" />;

const kioskPath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/queue`;

/** The first screen when the community has windows in several offices. */
export function OfficeChoicePage({ ctx, offices, form, purpose }: { ctx: Ctx; offices: Office[]; form?: FormState; purpose: 'kiosk' | 'display' }) {
  const { t } = ctx;
  const path = purpose === 'kiosk' ? kioskPath(ctx) : `${kioskPath(ctx)}/display`;
  const title = t(purpose === 'kiosk' ? 'queue.kiosk.title' : 'queue.display.title');
  return (
    <Layout ctx={ctx} title={title} path={path}>
      <QueueStyles />
      <h1>{title}</h1>
      {form && <ErrorSummary form={form} labels={offices.length ? { office: t('queue.office') } : {}} />}
      {offices.length === 0 ? (
        <Notice tone="info" title={t('queue.kiosk.closed')} />
      ) : (
        <>
          <p class="lead">{t('queue.kiosk.chooseOffice')}</p>
          <ul class="queue-choices" id="field-office" aria-label={t('queue.office')}>
            {offices.map((o) => (
              <li><a class="queue-choice" href={`${path}?office=${o.key}`}>{officeName(t, o)}</a></li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** The ticket screen of one office: a button per group that some open window calls. */
export function KioskPage({ ctx, office, groups, several, form }: { ctx: Ctx; office: Office; groups: ServiceGroup[]; several: boolean; form?: FormState }) {
  const { t } = ctx;
  const title = t('queue.kiosk.title');
  return (
    <Layout ctx={ctx} title={`${title}: ${officeName(t, office)}`} path={`${kioskPath(ctx)}?office=${office.key}`}>
      <QueueStyles />
      <h1>{title}</h1>
      <p class="lead">{officeName(t, office)}. {t('queue.kiosk.lead')}</p>
      {form && <ErrorSummary form={form} labels={groups.length ? { group: t('queue.group') } : {}} />}
      {groups.length === 0 ? (
        <Notice tone="info" title={t('queue.kiosk.closed')} />
      ) : (
        <form method="post" action={`${kioskPath(ctx)}/tickets`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="office" value={office.key} />
          <ul class="queue-groups" id="field-group" aria-label={t('queue.group')}>
            {groups.map((g) => (
              <li>
                <button type="submit" name="group" value={g} class="queue-group-button">
                  <span class="queue-letter" aria-hidden="true">{GROUP_LETTERS[g]}</span>
                  <span>{groupName(t, g)}</span>
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}
      <p class="queue-links">
        {several && <a href={kioskPath(ctx)}>{t('queue.kiosk.otherOffice')}</a>}
        <a href={`${kioskPath(ctx)}/display?office=${office.key}`}>{t('queue.display.title')}</a>
      </p>
    </Layout>
  );
}

export interface TicketView {
  ticket: TicketRow & { window_label: string | null };
  office: Office;
  ahead: number;
  today: string;
}

function TicketStatus({ ctx, view }: { ctx: Ctx; view: TicketView }) {
  const { t } = ctx;
  const { ticket } = view;
  if (ticket.status === 'called' || ticket.status === 'serving') {
    return <p class="queue-ticket-window">{t('queue.ticket.goTo', { window: ticket.window_label ?? '' })}</p>;
  }
  if (ticket.status === 'done') return <p>{t('queue.ticket.done')}</p>;
  if (ticket.status === 'no_show') return <p>{t('queue.ticket.noShow')}</p>;
  if (ticket.day !== view.today) return <p>{t('queue.ticket.expired', { day: formatDay(ticket.day) })}</p>;
  return <p class="queue-ticket-ahead">{view.ahead === 0 ? t('queue.ticket.next') : t('queue.ticket.ahead', { count: view.ahead })}</p>;
}

/** The ticket: its number as large as the screen allows, the group, and where to go once called. */
export function TicketPage({ ctx, view }: { ctx: Ctx; view: TicketView }) {
  const { t } = ctx;
  const { ticket, office } = view;
  const title = t('queue.ticket.title', { label: ticket.label });
  return (
    <Layout ctx={ctx} title={title} path={`${kioskPath(ctx)}/tickets/${ticket.id}`}>
      <QueueStyles />
      <article class="queue-ticket" aria-labelledby="queue-ticket-title">
        <h1 id="queue-ticket-title" class="queue-ticket-heading">{t('queue.ticket.heading')}</h1>
        <p class="queue-ticket-number">{ticket.label}</p>
        <p class="queue-ticket-group">{groupName(t, ticket.group_code)}</p>
        <TicketStatus ctx={ctx} view={view} />
        <p class="muted">
          {officeName(t, office)} · {formatDay(ticket.day)} {yerevanTime(ticket.issued_at)}
        </p>
      </article>
      <p class="queue-links">
        <a href={`${kioskPath(ctx)}?office=${office.key}`}>{t('queue.ticket.another')}</a>
        <a href={`${kioskPath(ctx)}/display?office=${office.key}`}>{t('queue.display.title')}</a>
      </p>
    </Layout>
  );
}
