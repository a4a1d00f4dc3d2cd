// The tax notices page: payers of a year with their notice, the mailing list and sending.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, Notice, Select, Table, Tag } from '../../../platform/ui/components.tsx';
import { payerKeyOf, type NoticePayer } from './notices.data.ts';
import { assessmentPath } from './assessment.views.tsx';

type Sent = { email_sent_at: string | null; sms_sent_at: string | null };

export function NoticesPage({ ctx, year, years, payers, sent, done, count }: { ctx: Ctx; year: number; years: number[]; payers: NoticePayer[]; sent: Map<string, Sent>; done?: string; count?: number }) {
  const { t } = ctx;
  const base = assessmentPath(ctx);
  const path = `${base}/notices`;
  const title = t('finance.notice.page');
  const pdfHref = (p: NoticePayer) => `${path}/${p.payerKind === 'resident' ? 'residents' : 'organizations'}/${p.payerId}/pdf?year=${year}`;
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: t('finance.assessment.title'), href: base }, { label: title }]}>
      {done === 'sent' && <Notice title={t('finance.notice.done.sent', { count: count ?? 0 })} />}
      <h1>{title}</h1>
      <form method="get" action={path} class="filters" aria-label={t('finance.assessment.year')}>
        <Select form={{ t, values: { year: String(year) } }} name="year" label={t('finance.assessment.year')} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button variant="secondary">{t('finance.assessment.refresh')}</Button>
      </form>
      <p>
        {t('finance.notice.mailingList')}: <a href={`${path}/mailing-list?year=${year}&format=csv`}>CSV</a> · <a href={`${path}/mailing-list?year=${year}&format=xlsx`}>XLSX</a>
      </p>
      <form method="post" action={`${path}/send`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="year" value={String(year)} />
        <p>{t('finance.notice.sendHint')}</p>
        <Button>{t('finance.notice.send')}</Button>
      </form>
      <Table
        t={t}
        caption={t('finance.notice.caption', { year, count: payers.length })}
        rows={payers}
        columns={[
          { key: 'number', label: t('finance.notice.reference'), render: (p) => p.number },
          { key: 'name', label: t('finance.notice.payer'), render: (p) => p.name },
          { key: 'total', label: t('finance.notice.total'), numeric: true, render: (p) => formatAmd(p.total) },
          {
            key: 'sent',
            label: t('finance.notice.sent'),
            render: (p) => {
              const s = sent.get(payerKeyOf(p.payerKind, p.payerId));
              return s && (s.email_sent_at || s.sms_sent_at) ? <Tag tone="green">{t('finance.notice.sent')}</Tag> : <Tag>{t('finance.notice.notSent')}</Tag>;
            },
          },
          { key: 'pdf', label: t('finance.notice.pdf'), render: (p) => <a href={pdfHref(p)}>{t('finance.notice.pdf')} <span class="visually-hidden">{p.number}</span></a> },
        ]}
      />
    </StaffLayout>
  );
}
