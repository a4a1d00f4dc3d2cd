// The due-date API and the national calendar editor.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import type { RouteDef } from '../http/route.ts';
import { route } from '../http/route.ts';
import { AppError, type FieldErrors } from '../http/errors.ts';
import type { Ctx } from '../http/context.ts';
import { parseForm, type FormResult } from '../http/forms.ts';
import { todayInYerevan } from '../i18n/index.ts';
import { sendPage } from '../ui/render.ts';
import { defaultDays } from './defaults.ts';
import { isRealDay, isWeekend, yearOf } from './days.ts';
import { loadCalendar, readCalendarDays } from './calendar.store.ts';
import { removeCalendarDay, restoreDefaultYear, setCalendarDay } from './calendar.service.ts';
import {
  YEARS, dueQuery, dueResponse, editorQuery, removeDayForm, restoreYearForm, setDayForm, yearQuery, yearResponse,
} from './calendar.schemas.ts';
import { CalendarEditorPage, EDITOR_PATH, type EditorProps } from './calendar.views.tsx';

const thisYear = () => Number(todayInYerevan().slice(0, 4));

/** The year a posted day or year names, read leniently (to re-render after an error); else this year. */
function yearFrom(value: string | undefined): number {
  const year = value === undefined ? NaN : isRealDay(value) ? yearOf(value) : /^\d{4}$/.test(value) ? Number(value) : NaN;
  return year >= YEARS.first && year <= YEARS.last ? year : thisYear();
}

/** The editor page for a year, straight from the table (an editor must see what is stored). */
async function renderEditor(ctx: Ctx, reply: FastifyReply, year: number, extra: Partial<EditorProps> = {}, status = 200) {
  const rows = await readCalendarDays(ctx.db, year);
  const props: EditorProps = { ctx, year, edited: rows.length > 0, days: rows.length ? rows : defaultDays(year), form: { t: ctx.t, values: { working: '0' } }, ...extra };
  return sendPage(reply, h(CalendarEditorPage, props), status);
}

/** The text fields of a posted form, to show them again after a refusal. */
function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  }
  return values;
}

/**
 * Runs a change and redirects to the page `run` returns. Bad input, or a refusal with field
 * errors, re-renders the year's page (4xx): on the add form ('form'), or as a notice above
 * the list for the remove and restore buttons ('notice').
 */
async function change<T>(
  ctx: Ctx, reply: FastifyReply, body: unknown, yearField: string, form: FormResult<T>, showErrors: 'form' | 'notice', run: (data: T) => Promise<string>,
) {
  const year = yearFrom(postedValues(body)[yearField]);
  const refuse = (errors: FieldErrors, status: number) => {
    const extra: Partial<EditorProps> = showErrors === 'form'
      ? { form: { t: ctx.t, errors, values: postedValues(body) } }
      : { problem: Object.values(errors)[0] ?? 'error.validation' };
    return renderEditor(ctx, reply, year, extra, status);
  };
  if (!form.ok) return refuse(form.errors, 400);
  try {
    return reply.redirect(await run(form.data), 303);
  } catch (err) {
    if (err instanceof AppError && Object.keys(err.fields).length > 0) return refuse(err.fields, err.status);
    throw err;
  }
}

export const calendarRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/api/v1/calendar/due',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'The due day of a deadline counted in working or calendar days from a day, on the national working-day calendar',
      description: 'Give exactly one of workingDays and calendarDays. Working days: the day of registration does not count. Calendar days: a due day that is not a working day moves to the next working day.',
      tags: ['calendar'],
      querystring: dueQuery,
      response: { 200: dueResponse },
    },
    handler: async (req) => {
      const cal = await loadCalendar(req.ctx.db);
      const { from, workingDays, calendarDays } = req.query;
      return { due: workingDays !== undefined ? cal.addWorkingDays(from, workingDays) : cal.addCalendarDays(from, calendarDays ?? 0) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/calendar',
    access: 'public',
    kind: 'api',
    schema: {
      summary: "A year's listed days: holidays and memorial days off, and weekend days made working days",
      tags: ['calendar'],
      querystring: yearQuery,
      response: { 200: yearResponse },
    },
    handler: async (req) => {
      const year = req.query.year ?? thisYear();
      const cal = await loadCalendar(req.ctx.db);
      return {
        year,
        edited: cal.isEdited(year),
        days: cal.daysOf(year).map((d) => ({ day: d.day, working: d.working, weekend: isWeekend(d.day), name: { hy: d.name_hy, en: d.name_en, ru: d.name_ru } })),
      };
    },
  }),
  route({
    method: 'GET',
    url: EDITOR_PATH,
    access: 'national:calendar.edit',
    kind: 'page',
    schema: { querystring: editorQuery },
    handler: async (req, reply) => renderEditor(req.ctx, reply, req.query.year ?? thisYear(), { done: req.query.done }),
  }),
  route({
    method: 'POST',
    url: `${EDITOR_PATH}/days`,
    access: 'national:calendar.edit',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      return change(ctx, reply, req.body, 'day', parseForm(setDayForm, req.body), 'form', async ({ day, working, name_hy, name_en, name_ru }) => {
        await setCalendarDay(ctx.db, ctx.auditActor(), { day, working: working === '1', name_hy, name_en, name_ru });
        return `${EDITOR_PATH}?year=${yearOf(day)}&done=set`;
      });
    },
  }),
  route({
    method: 'POST',
    url: `${EDITOR_PATH}/days/remove`,
    access: 'national:calendar.edit',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      return change(ctx, reply, req.body, 'day', parseForm(removeDayForm, req.body), 'notice', async ({ day }) => {
        await removeCalendarDay(ctx.db, ctx.auditActor(), day);
        return `${EDITOR_PATH}?year=${yearOf(day)}&done=removed`;
      });
    },
  }),
  route({
    method: 'POST',
    url: `${EDITOR_PATH}/restore`,
    access: 'national:calendar.edit',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      return change(ctx, reply, req.body, 'year', parseForm(restoreYearForm, req.body), 'notice', async ({ year }) => {
        await restoreDefaultYear(ctx.db, ctx.auditActor(), year);
        return `${EDITOR_PATH}?year=${year}&done=restored`;
      });
    },
  }),
];
