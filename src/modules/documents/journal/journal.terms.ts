// The legal term for answering a citizen's letter: administrative proceedings end at most 30
// calendar days after the application is registered, and a term ending on a day off moves to
// the next working day (DOMAIN.md, "Deadlines and the calendar"). A letter needing an answer
// sooner by its own law (FOI: 5 days) is answered sooner; the journal watches the outer term.
import type { WorkingCalendar } from '../../../platform/calendar/calendar.ts';

export const LETTER_ANSWER_DAYS = 30;

export function answerTermFor(calendar: WorkingCalendar, registeredOn: string): string {
  return calendar.addCalendarDays(registeredOn, LETTER_ANSWER_DAYS);
}
