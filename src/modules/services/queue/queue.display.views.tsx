// The hall display: the tickets called to a window now (the latest first and highlighted)
// and how many wait in each group. static/queue-display.js re-reads the same figures from
// the JSON API every 5 seconds and announces a new call through a live region; without
// JavaScript the page has a Refresh link (a <meta refresh> would fail WCAG 2.2.1).
import type { Ctx } from '../../../platform/http/context.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { officeName, type Office, type ServiceGroup } from './queue.groups.ts';
import { QueueStyles } from './queue.kiosk.views.tsx';

/** What the display shows; the JSON API answers exactly this. */
export interface DisplayData {
  office: { key: string; name: string };
  day: string;
  /** Yerevan wall time of the answer, "14:05". */
  updated: string;
  called: { id: number; ticket: string; window: string; group: string; status: string; calledAt: string }[];
  waiting: { group: ServiceGroup; letter: string; name: string; count: number }[];
}

export function DisplayPage({ ctx, office, data }: { ctx: Ctx; office: Office; data: DisplayData }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = `${t('queue.display.title')}: ${officeName(t, office)}`;
  const path = `/${slug}/queue/display?office=${office.key}`;
  const windowText = (w: string) => t('queue.display.window', { window: w });
  return (
    <Layout ctx={ctx} title={title} path={path}>
      <QueueStyles />
      <div
        id="queue-display"
        class="queue-display"
        data-source={`/api/v1/communities/${slug}/queue/display?office=${office.key}`}
        data-window={t('queue.display.window', { window: '{window}' })}
        data-announce={t('queue.display.announce', { ticket: '{ticket}', window: '{window}' })}
      >
        <h1>{title}</h1>
        <section aria-labelledby="queue-called-title">
          <h2 id="queue-called-title">{t('queue.display.called')}</h2>
          <ol class="queue-called" id="queue-called">
            {data.called.map((c, i) => (
              <li class={i === 0 ? 'queue-called-item queue-newest' : 'queue-called-item'} data-key={`${c.id}@${c.calledAt}`}>
                <span class="queue-called-ticket">{c.ticket}</span>
                <span class="queue-called-window">{windowText(c.window)}</span>
              </li>
            ))}
          </ol>
          <p id="queue-called-empty" class="muted" hidden={data.called.length > 0}>{t('queue.display.nobody')}</p>
        </section>
        <section aria-labelledby="queue-waiting-title">
          <h2 id="queue-waiting-title">{t('queue.display.waiting')}</h2>
          <table class="table queue-waiting">
            <caption class="visually-hidden">{t('queue.display.waiting')}</caption>
            <thead>
              <tr><th scope="col">{t('queue.group')}</th><th scope="col" class="numeric">{t('queue.waitingCount')}</th></tr>
            </thead>
            <tbody>
              {data.waiting.map((w) => (
                <tr>
                  <th scope="row"><span aria-hidden="true">{w.letter} </span>{w.name}</th>
                  <td class="numeric" data-group={w.group}>{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div id="queue-announce" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" />
        <p class="muted">
          {t('queue.display.updated')} <span id="queue-updated">{data.updated}</span> · <a href={path}>{t('queue.display.refresh')}</a>
        </p>
      </div>
      <script src="/static/queue-display.js" defer />
    </Layout>
  );
}
