// What the calendar's API and editor accept. Query values arrive as text, so numbers are
// matched as digits first: "1e3", " 5" or "0x10" are refused, not coerced.
import { z } from 'zod';
import { isRealDay, isWeekend } from './days.ts';

/** The years the API and the editor accept (deadlines of real cases, with room on both sides). */
export const YEARS = { first: 1900, last: 2999 } as const;
/** Ten years: no deadline of the law is longer. */
export const MAX_DEADLINE_DAYS = 3650;

const inYears = (year: number) => year >= YEARS.first && year <= YEARS.last;

export const dayText = z
  .string()
  .max(10, 'calendar.error.date')
  .refine(isRealDay, 'calendar.error.date')
  .refine((d) => inYears(Number(d.slice(0, 4))), 'calendar.error.dateRange');

export const yearText = z
  .string()
  .regex(/^\d{4}$/, 'calendar.error.year')
  .transform(Number)
  .refine(inYears, 'calendar.error.year');

const dayCount = z
  .string()
  .regex(/^\d{1,4}$/, 'calendar.error.days')
  .transform(Number)
  .refine((n) => n <= MAX_DEADLINE_DAYS, 'calendar.error.days');

export const dueQuery = z
  .object({
    from: dayText.meta({ description: 'The day of registration, YYYY-MM-DD', example: '2026-12-29' }),
    workingDays: dayCount.optional().meta({ description: `Working days after "from" (0–${MAX_DEADLINE_DAYS}); 0 gives the next working day on or after "from"` }),
    calendarDays: dayCount.optional().meta({ description: `Calendar days after "from" (0–${MAX_DEADLINE_DAYS}), moved to the next working day` }),
  })
  .superRefine((q, ctx) => {
    if ((q.workingDays === undefined) === (q.calendarDays === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.workingDays === undefined ? 'workingDays' : 'calendarDays'], message: 'calendar.error.oneOfDays' });
    }
  });

export const dueResponse = z.object({ due: z.string().meta({ description: 'The due day, YYYY-MM-DD, always a working day', example: '2027-01-05' }) });

export const yearQuery = z.object({
  year: yearText.optional().meta({ description: 'The year; this year in Yerevan when left out', example: '2027' }),
});

const names = z.object({ hy: z.string(), en: z.string(), ru: z.string() });

export const yearResponse = z.object({
  year: z.number(),
  edited: z.boolean().meta({ description: 'false: the year uses the default non-working days of the law' }),
  days: z.array(
    z.object({
      day: z.string(),
      working: z.boolean().meta({ description: 'false: a day off (on a weekend it changes nothing); true: a weekend day made a working day' }),
      weekend: z.boolean(),
      name: names,
    }),
  ),
});

/** The national editor's page: ?year= (a bad value shows this year) and the notice after a change. */
export const editorQuery = z.object({
  year: yearText.optional(),
  done: z.enum(['set', 'removed', 'restored']).optional(),
});

const name = z.string().trim().min(1).max(200);

export const setDayForm = z
  .object({ day: dayText, working: z.enum(['0', '1']), name_hy: name, name_en: name, name_ru: name })
  .superRefine((f, ctx) => {
    // Monday–Friday are working days already: listing one as working would change nothing.
    if (f.working === '1' && isRealDay(f.day) && !isWeekend(f.day)) ctx.addIssue({ code: 'custom', path: ['working'], message: 'calendar.error.workingWeekday' });
  });

export const removeDayForm = z.object({ day: dayText });
export const restoreYearForm = z.object({ year: yearText });
