// How a case looks to its applicant: the public name of its state, the milestones of the
// progress indicator, the deadline line and the public timeline (the applicant's own events
// say "you"; the municipality's say the community's name, never a staff member's).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant, localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { Tag, type Tone } from '../../../platform/ui/components.tsx';
import type { CaseRow } from '../cases/case-env.ts';
import { stateOf } from '../cases/case-rules.ts';
import { pick, type ServiceSpec } from '../catalogue/spec.ts';
import type { PublicEvent } from './portal.queries.ts';

/** The label the applicant sees (a broader one for internal steps, e.g. a site inspection). */
export function publicStateLabel(ctx: Ctx, spec: ServiceSpec, state: string): string {
  const s = stateOf(spec, state);
  if (!s) return state;
  return pick(s.publicLabel ?? s.label, ctx.locale);
}

export function stateTone(state: string): Tone {
  if (state === 'approved' || state === 'delivered') return 'green';
  if (state === 'rejected') return 'red';
  if (state === 'info_requested' || state === 'draft') return 'yellow';
  if (state === 'withdrawn') return 'grey';
  return 'blue';
}

export function StateTag({ ctx, spec, state }: { ctx: Ctx; spec: ServiceSpec; state: string }) {
  return <Tag tone={stateTone(state)}>{publicStateLabel(ctx, spec, state)}</Tag>;
}

/** The deadline as the applicant should read it now. */
export function deadlineLine(ctx: Ctx, c: Pick<CaseRow, 'state' | 'due_date'>, spec: ServiceSpec): string {
  const { t } = ctx;
  if (c.state === 'info_requested') return t('services.portal.deadline.paused');
  const final = stateOf(spec, c.state)?.final || c.state === 'approved';
  if (final) return '—';
  if (c.due_date) return formatDay(c.due_date);
  const unit = spec.deadline.unit === 'working' ? 'services.portal.deadline.fromRegistrationWorking' : 'services.portal.deadline.fromRegistrationCalendar';
  return t(unit, { days: spec.deadline.days });
}

const MILESTONES = ['submitted', 'registered', 'review', 'decision', 'delivered'] as const;

function milestoneOf(spec: ServiceSpec, state: string): number {
  if (state === 'submitted') return 0;
  if (state === 'registered') return 1;
  if (state === 'approved' || state === 'rejected') return 3;
  if (state === 'delivered') return 4;
  return stateOf(spec, state)?.final ? 4 : 2;
}

/** Where the case is: five milestones; the rejected case ends at the decision. */
export function CaseProgress({ ctx, c, spec }: { ctx: Ctx; c: CaseRow; spec: ServiceSpec }) {
  const { t } = ctx;
  if (c.state === 'draft' || c.state === 'withdrawn') return null;
  const current = milestoneOf(spec, c.state);
  const steps = c.state === 'rejected' ? MILESTONES.slice(0, 4) : MILESTONES;
  return (
    <nav aria-label={t('services.portal.progress')}>
      <ol class="steps">
        {steps.map((m, i) => {
          const label = m === 'decision' && c.decision ? t(`services.portal.milestone.${c.decision}`) : t(`services.portal.milestone.${m}`);
          if (i === current) return <li class="step-current"><span aria-current="step">{label}</span></li>;
          return (
            <li class={i < current ? 'step-done' : undefined}>
              {label}
              <span class="visually-hidden"> ({t(i < current ? 'services.portal.milestone.done' : 'services.portal.milestone.todo')})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'services.portal.event.created',
  submitted: 'services.portal.event.submitted',
  registered: 'services.portal.event.registered',
  info_requested: 'services.portal.event.info_requested',
  resumed: 'services.portal.event.resumed',
  approved: 'services.portal.event.approved',
  rejected: 'services.portal.event.rejected',
  delivered: 'services.portal.event.delivered',
  withdrawn: 'services.portal.event.withdrawn',
  message: 'services.portal.event.message',
  rated: 'services.portal.event.rated',
  fee: 'services.portal.event.fee',
  attachment: 'services.portal.event.attachment',
  document_issued: 'services.portal.event.document_issued',
};

function eventDetail(ctx: Ctx, e: PublicEvent): string | null {
  const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : {};
  if (e.kind === 'registered' && typeof data.number === 'string') return ctx.t('services.portal.event.number', { number: data.number });
  if (e.kind === 'rated' && typeof data.rating === 'number') return ctx.t('services.portal.rating.given', { rating: data.rating });
  if (e.kind === 'fee' && typeof data.status === 'string') return ctx.t(`services.portal.feeStatus.${data.status as 'due'}`);
  return e.body;
}

export function PublicTimeline({ ctx, c, events }: { ctx: Ctx; c: CaseRow; events: PublicEvent[] }) {
  const { t } = ctx;
  const office = localized(ctx.requireCommunity(), 'name', ctx.locale);
  return (
    <ol class="timeline">
      {[...events].reverse().map((e) => {
        const detail = eventDetail(ctx, e);
        return (
          <li>
            <p><strong>{t(EVENT_LABELS[e.kind] ?? 'services.portal.event.other')}</strong></p>
            <p class="muted">
              <time dateTime={e.at}>{formatInstant(e.at)}</time> · {e.actor_user_id !== null && e.actor_user_id === c.applicant_user_id ? t('services.portal.you') : office}
            </p>
            {detail && <p class="pre-line">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
