// The reader's notices page (/{slug}/staff/notices).
import type { Ctx } from '../http/context.ts';
import { formatInstant } from '../i18n/index.ts';
import { StaffLayout } from '../ui/staff-layout.tsx';
import { Button, CsrfField, Notice, Pager, Table, Tag } from '../ui/components.tsx';
import type { ShownNotice } from './notices.ts';

export interface NoticesPageProps {
  ctx: Ctx;
  notices: ShownNotice[];
  total: number;
  unread: number;
  page: number;
  pages: number;
  done?: 'read' | 'allRead' | undefined;
}

export function NoticesPage({ ctx, notices, total, unread, page, pages, done }: NoticesPageProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/notices`;
  const title = t('notify.notices.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      {done && <Notice title={t(done === 'read' ? 'notify.notices.done.read' : 'notify.notices.done.allRead')} />}
      <h1>{title}</h1>
      <p class="muted">{t('notify.notices.intro')}</p>
      {unread > 0 && (
        <form method="post" action={`${path}/read-all`}>
          <CsrfField token={ctx.csrfToken} />
          <Button variant="secondary">{t('notify.notices.markAllRead')}</Button>
        </form>
      )}
      <Table
        t={t}
        caption={t('notify.notices.caption', { total, unread })}
        rows={notices}
        empty={t('notify.notices.empty')}
        columns={[
          { key: 'when', label: t('notify.notices.when'), render: (n) => <time dateTime={n.createdAt}>{formatInstant(n.createdAt)}</time> },
          {
            key: 'what',
            label: t('notify.notices.what'),
            render: (n) => {
              const text = n.link ? <a href={`/${slug}${n.link}`}>{n.text}</a> : n.text;
              return n.unread ? <strong>{text}</strong> : text;
            },
          },
          {
            key: 'status',
            label: t('notify.notices.status'),
            render: (n) => n.unread ? (
              <>
                <Tag tone="blue">{t('notify.notices.unread')}</Tag>{' '}
                <form method="post" action={`${path}/${n.id}/read`} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="link-button">
                    {t('notify.notices.markRead')}
                    <span class="visually-hidden">: {n.text}</span>
                  </button>
                </form>
              </>
            ) : <Tag>{t('notify.notices.read')}</Tag>,
          },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} />
    </StaffLayout>
  );
}
