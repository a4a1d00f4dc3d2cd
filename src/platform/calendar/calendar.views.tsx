// The national calendar editor (/national/calendar): one year's list of days, the form
// to add or change a day, a remove button per day and "restore the defaults".
import type { Ctx } from '../http/context.ts';
import { formatDay, localized, type Locale, type MessageKey } from '../i18n/index.ts';
import { NationalLayout } from '../ui/staff-layout.tsx';
import {
  Button, CsrfField, ErrorSummary, Notice, Select, Table, Tag, TextInput, type FormState,
} from '../ui/components.tsx';
import type { CalendarDay } from './defaults.ts';
import { isWeekend } from './days.ts';
import { YEARS } from './calendar.schemas.ts';

export const EDITOR_PATH = '/national/calendar';

export interface EditorProps {
  ctx: Ctx;
  year: number;
  edited: boolean;
  days: CalendarDay[];
  /** The add-a-day form: values sent last time and its field errors. */
  form: FormState;
  /** Why a remove or restore button was refused. */
  problem?: MessageKey;
  done?: 'set' | 'removed' | 'restored';
}

function weekdayName(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function YearPicker({ ctx, year }: { ctx: Ctx; year: number }) {
  const { t } = ctx;
  return (
    <form method="get" action={EDITOR_PATH} class="filters">
      <TextInput form={{ t }} name="year" type="number" label={t('calendar.year.label')} value={String(year)} width="s" inputMode="numeric" />
      <Button variant="secondary">{t('calendar.year.show')}</Button>
      <p>
        {year > YEARS.first && <a href={`${EDITOR_PATH}?year=${year - 1}`}>← {t('calendar.year.previous', { year: year - 1 })}</a>}
        {' · '}
        {year < YEARS.last && <a href={`${EDITOR_PATH}?year=${year + 1}`}>{t('calendar.year.next', { year: year + 1 })} →</a>}
      </p>
    </form>
  );
}

function RemoveButton({ ctx, day }: { ctx: Ctx; day: CalendarDay }) {
  return (
    <form class="inline-form" method="post" action={`${EDITOR_PATH}/days/remove`}>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="day" value={day.day} />
      <button type="submit" class="button button-warning button-small">
        {ctx.t('calendar.remove')}
        <span class="visually-hidden"> {formatDay(day.day)}</span>
      </button>
    </form>
  );
}

function DayForm({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  const labels = dayFormLabels(ctx);
  return (
    <section aria-labelledby="calendar-add">
      <h2 id="calendar-add">{t('calendar.add.title')}</h2>
      <p class="hint">{t('calendar.add.hint')}</p>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${EDITOR_PATH}/days`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="day" type="date" label={labels.day!} hint={t('calendar.field.dayHint')} width="m" required autocomplete="off" />
        <Select
          form={form}
          name="working"
          label={labels.working!}
          options={[{ value: '0', label: t('calendar.working.off') }, { value: '1', label: t('calendar.working.on') }]}
          required
        />
        <fieldset class="group">
          <legend>{t('calendar.field.name')}</legend>
          <TextInput form={form} name="name_hy" label={labels.name_hy!} required />
          <TextInput form={form} name="name_en" label={labels.name_en!} required />
          <TextInput form={form} name="name_ru" label={labels.name_ru!} required />
        </fieldset>
        <Button>{t('calendar.add.submit')}</Button>
      </form>
    </section>
  );
}

export function dayFormLabels(ctx: Ctx): Record<string, string> {
  const { t } = ctx;
  return {
    day: t('calendar.field.day'),
    working: t('calendar.field.working'),
    name_hy: `${t('calendar.field.name')} (հայերեն)`,
    name_en: `${t('calendar.field.name')} (English)`,
    name_ru: `${t('calendar.field.name')} (русский)`,
  };
}

export function CalendarEditorPage({ ctx, year, edited, days, form, problem, done }: EditorProps) {
  const { t } = ctx;
  return (
    <NationalLayout ctx={ctx} title={`${t('calendar.title')} ${year}`} path={EDITOR_PATH} crumbs={[{ label: t('calendar.title') }]}>
      {done && <Notice title={t(`calendar.done.${done}`)} />}
      {problem && <Notice tone="warning" title={t(problem)} />}
      <h1>{t('calendar.title')} {year}</h1>
      <p>{t('calendar.intro')}</p>
      <YearPicker ctx={ctx} year={year} />
      <p><strong>{t(edited ? 'calendar.status.edited' : 'calendar.status.default', { year })}</strong></p>
      <Table
        t={t}
        caption={t('calendar.table.caption', { year })}
        rows={days}
        columns={[
          { key: 'day', label: t('calendar.col.date'), render: (d) => <time dateTime={d.day}>{formatDay(d.day)}</time> },
          { key: 'weekday', label: t('calendar.col.weekday'), render: (d) => weekdayName(ctx.locale, d.day) },
          {
            key: 'kind',
            label: t('calendar.col.kind'),
            render: (d) => (
              <>
                {d.working ? <Tag tone="green">{t('calendar.kind.working')}</Tag> : <Tag tone="red">{t('calendar.kind.off')}</Tag>}
                {!d.working && isWeekend(d.day) && <span class="muted"> ({t('calendar.weekendNote')})</span>}
              </>
            ),
          },
          { key: 'name', label: t('calendar.col.name'), render: (d) => localized(d, 'name', ctx.locale) },
          { key: 'actions', label: t('calendar.col.actions'), render: (d) => <RemoveButton ctx={ctx} day={d} /> },
        ]}
      />
      <DayForm ctx={ctx} form={form} />
      {edited && (
        <section aria-labelledby="calendar-restore">
          <h2 id="calendar-restore">{t('calendar.restore.title')}</h2>
          <p>{t('calendar.restore.hint', { year })}</p>
          <form method="post" action={`${EDITOR_PATH}/restore`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="year" value={String(year)} />
            <Button variant="warning">{t('calendar.restore.submit', { year })}</Button>
          </form>
        </section>
      )}
    </NationalLayout>
  );
}
