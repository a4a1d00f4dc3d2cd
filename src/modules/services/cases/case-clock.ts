// Deadlines of a case on the national working-day calendar: the decision deadline from
// registration (calendar or working days, moved off non-working days), the time allowed
// in the current state, and the pause while the applicant is asked for more information.
import type { Executor } from '../../../platform/db/tenant.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { DeadlineSpec, ServiceSpec } from '../catalogue/spec.ts';
import { stateOf } from './case-rules.ts';

/** Days before the deadline at which an open case counts as at risk. */
export const AT_RISK_WORKING_DAYS = 2;

export { todayInYerevan };

export async function decisionDeadline(db: Executor, registeredOn: string, deadline: DeadlineSpec): Promise<string> {
  const cal = await loadCalendar(db);
  return cal.due(registeredOn, deadline);
}

/** The deadline of being in `state` from `today`, or null when the state has no limit. */
export async function stateDeadline(db: Executor, spec: ServiceSpec, state: string, today: string): Promise<string | null> {
  const days = stateOf(spec, state)?.days;
  if (!days) return null;
  const cal = await loadCalendar(db);
  return cal.addWorkingDays(today, days);
}

/**
 * The deadline after a pause from `pausedOn` to `resumedOn`: moved by the working (or
 * calendar) days the clock stood still, then off any non-working day.
 */
export async function deadlineAfterPause(db: Executor, due: string, pausedOn: string, resumedOn: string, unit: DeadlineSpec['unit']): Promise<string> {
  const cal = await loadCalendar(db);
  if (unit === 'working') {
    const paused = cal.workingDaysBetween(pausedOn, resumedOn);
    return paused > 0 ? cal.addWorkingDays(due, paused) : due;
  }
  const paused = Math.max(0, Math.round((Date.parse(`${resumedOn}T00:00:00Z`) - Date.parse(`${pausedOn}T00:00:00Z`)) / 86_400_000));
  return paused > 0 ? cal.addCalendarDays(due, paused) : due;
}

/** The day `n` working days after today (for "at risk": due on or before it). */
export async function workingDaysAhead(db: Executor, today: string, n: number): Promise<string> {
  const cal = await loadCalendar(db);
  return cal.addWorkingDays(today, n);
}
