// The back office's journal pages: the list with its search box and one document with its
// files and resolutions (each resolution's executors, deadline, state and history).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant, type MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, Pager, Select, Table, TextInput } from '../../../platform/ui/components.tsx';
import type { FoundDocument } from './journal.search.ts';
import type { DocumentView } from './journal.queries.ts';
import { JOURNAL_KINDS } from './journal.numbers.ts';

export const journalPath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/journal`;
const journalLabel = (journal: string) => `documents.journal.${journal}` as MessageKey;
const statusLabel = (s: string) => `documents.status.${s}` as MessageKey;
const accessLabel = (a: string) => `documents.access.${a}` as MessageKey;

export function JournalPage({ ctx, rows, page, more, journal, q }: { ctx: Ctx; rows: FoundDocument[]; page: number; more: boolean; journal: string | undefined; q: string | undefined }) {
  const { t } = ctx;
  const path = journalPath(ctx);
  const title = t('documents.journal.title');
  const values = { q: q ?? '', journal: journal ?? '' };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <form method="get" action={path} class="filters" role="search" aria-label={t('documents.journal.search')}>
        <TextInput form={{ t, values }} name="q" label={t('documents.journal.search')} hint={t('documents.journal.searchHint')} width="m" />
        <Select form={{ t, values }} name="journal" label={t('documents.journal.kind')} placeholder={t('documents.journal.all')}
          options={JOURNAL_KINDS.map((k) => ({ value: k, label: t(journalLabel(k)) }))} />
        <Button variant="secondary">{t('documents.journal.find')}</Button>
      </form>
      <Table
        t={t}
        caption={t('documents.journal.caption')}
        rows={rows}
        empty={t('documents.journal.none')}
        stack
        columns={[
          { key: 'number', label: t('documents.field.number'), render: (r) => <a href={`${path}/${r.id}`}>{r.number}</a> },
          { key: 'date', label: t('documents.field.date'), render: (r) => formatDay(r.registered_on) },
          { key: 'journal', label: t('documents.journal.kind'), render: (r) => t(journalLabel(r.journal)) },
          { key: 'correspondent', label: t('documents.field.correspondent'), render: (r) => r.correspondent_name },
          { key: 'summary', label: t('documents.field.summary'), render: (r) => r.summary },
          { key: 'access', label: t('documents.field.access'), render: (r) => t(accessLabel(r.access)) },
          { key: 'status', label: t('documents.field.status'), render: (r) => t(statusLabel(r.status)) },
        ]}
      />
      <Pager t={t} page={page} pages={more ? page + 1 : page} path={path} query={journal ? { journal } : {}} />
    </StaffLayout>
  );
}

export function DocumentPage({ ctx, view }: { ctx: Ctx; view: DocumentView }) {
  const { t } = ctx;
  const { doc } = view;
  const base = journalPath(ctx);
  return (
    <StaffLayout ctx={ctx} title={doc.number} path={`${base}/${doc.id}`} crumbs={[{ href: base, label: t('documents.journal.title') }, { label: doc.number }]}>
      <h1>{doc.number}</h1>
      <dl class="facts">
        <dt>{t('documents.journal.kind')}</dt><dd>{t(journalLabel(doc.journal))}</dd>
        <dt>{t('documents.field.date')}</dt><dd>{formatDay(doc.registered_on)}</dd>
        <dt>{t('documents.field.correspondent')}</dt><dd>{doc.correspondent_name}</dd>
        <dt>{t('documents.field.summary')}</dt><dd>{doc.summary}</dd>
        <dt>{t('documents.field.pages')}</dt><dd>{doc.pages ?? '—'}</dd>
        <dt>{t('documents.field.access')}</dt><dd>{t(accessLabel(doc.access))}</dd>
        <dt>{t('documents.field.status')}</dt><dd>{t(statusLabel(doc.status))}</dd>
        {doc.answer_due_on && <><dt>{t('documents.field.answerDue')}</dt><dd>{formatDay(doc.answer_due_on)}</dd></>}
      </dl>
      <h2>{t('documents.files.title')}</h2>
      {view.versions.length === 0 ? <p>{t('documents.files.none')}</p> : (
        <ul>{view.versions.map((v) => <li>{v.name} · {v.media_type} · {formatInstant(v.added_at)}</li>)}</ul>
      )}
      <h2>{t('documents.resolutions.title')}</h2>
      {view.resolutions.length === 0 ? <p>{t('documents.resolutions.none')}</p> : view.resolutions.map((r) => (
        <section aria-label={r.task}>
          <h3>{r.task}</h3>
          <p>{t('documents.resolutions.by', { name: r.resolver, date: formatDay(r.issued_on) })} · {t('documents.resolutions.due', { date: formatDay(r.due_on) })} · {t(`documents.resolution.state.${r.status}` as MessageKey)}</p>
          <ul>{r.executors.map((e) => <li>{e.name}{e.responsible ? ` (${t('documents.resolutions.responsible')})` : ''}{e.department ? ` · ${e.department}` : ''}</li>)}</ul>
          {r.report && <p>{t('documents.resolutions.report')}: {r.report}</p>}
          <ol>{r.events.map((e) => <li>{formatInstant(e.at)} · {t(`documents.resolution.event.${e.kind}` as MessageKey)}{e.note ? ` — ${e.note}` : ''}</li>)}</ol>
        </section>
      ))}
    </StaffLayout>
  );
}
