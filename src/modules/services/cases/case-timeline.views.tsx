// The full timeline of a case for staff, newest first: every event, the internal ones
// (comments, assignments, escalations) marked as such in words, with the details that
// matter (who was assigned, what was requested, the registration number, the fee).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant } from '../../../platform/i18n/index.ts';
import { Tag } from '../../../platform/ui/components.tsx';
import type { CaseEventKind } from '../services.table.ts';
import { pick, type ServiceSpec } from '../catalogue/spec.ts';
import type { TimelineEvent } from './case-page.queries.ts';
import { actorLabel, auditDictionary } from '../../../platform/audit/audit-names.ts';

type Data = { assignee?: number; department?: string | null; fields?: string[]; documents?: string[]; number?: string; due?: string | null; status?: string; rating?: number; document?: string | null; documentKey?: string | null };

function stateLabel(ctx: Ctx, spec: ServiceSpec, key: string): string {
  const s = spec.workflow.states.find((x) => x.key === key);
  return s ? pick(s.label, ctx.locale) : key;
}

function Details({ ctx, spec, e, names }: { ctx: Ctx; spec: ServiceSpec; e: TimelineEvent; names: Map<number, string> }) {
  const { t, locale } = ctx;
  const d = (e.data ? JSON.parse(e.data) : {}) as Data;
  const lines: string[] = [];
  if (e.from_state && e.to_state && e.from_state !== e.to_state) lines.push(`${stateLabel(ctx, spec, e.from_state)} → ${stateLabel(ctx, spec, e.to_state)}`);
  if (e.kind === 'assigned' && typeof d.assignee === 'number') lines.push(t('services.casePage.event.assignedTo', { name: names.get(d.assignee) ?? `#${d.assignee}` }));
  if (e.kind === 'assigned' && d.department) lines.push(`${t('services.casePage.department')}: ${d.department}`);
  if (e.kind === 'info_requested') {
    const items = [
      ...(d.fields ?? []).map((k) => spec.fields.find((f) => f.key === k)?.label),
      ...(d.documents ?? []).map((k) => spec.documents.find((x) => x.key === k)?.label),
    ].filter((l) => l !== undefined).map((l) => pick(l, locale));
    if (items.length) lines.push(`${t('services.casePage.requested')}: ${items.join(', ')}`);
  }
  if (d.number) lines.push(`${t('services.casePage.number')}: ${d.number}`);
  if (d.due) lines.push(`${t('services.inbox.col.deadline')}: ${formatDay(d.due)}`);
  if (e.kind === 'fee' && d.status) lines.push(t(`services.casePage.feeStatus.${d.status === 'waived' ? 'waived' : 'paid'}`));
  if (e.kind === 'rated' && d.rating) lines.push(t('services.casePage.event.rating', { rating: d.rating }));
  const attachedAs = e.kind === 'attachment' && d.documentKey ? spec.documents.find((x) => x.key === d.documentKey)?.label : undefined;
  if (attachedAs) lines.push(pick(attachedAs, locale));
  if (d.document) lines.push(`${t('services.casePage.output.code')}: ${d.document}`);
  return (
    <>
      {lines.map((l) => <p>{l}</p>)}
      {e.body && <p class="pre-line">{e.body}</p>}
    </>
  );
}

export function Timeline({ ctx, spec, events, names }: { ctx: Ctx; spec: ServiceSpec; events: TimelineEvent[]; names: Map<number, string> }) {
  const { t } = ctx;
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li>
          <p>
            <strong>{t(`services.casePage.event.${e.kind as CaseEventKind}`)}</strong>{' '}
            {e.public ? null : <Tag tone="grey">{t('services.casePage.internal')}</Tag>}
          </p>
          <Details ctx={ctx} spec={spec} e={e} names={names} />
          <p class="muted">{actorLabel(auditDictionary(ctx.services), t, e.actor_label)} · <time dateTime={e.at}>{formatInstant(e.at)}</time></p>
        </li>
      ))}
    </ol>
  );
}
