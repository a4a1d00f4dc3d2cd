// A resident's record: details, household members and the life-event history as a timeline,
// with the forms that correct the record, record a life event and link a citizen account.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay, formatInstant, type MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Select, SummaryList, Table, Tag, TextInput, Textarea, type FormState } from '../../../platform/ui/components.tsx';
import { EVENT_KINDS } from './population.schemas.ts';
import type { ResidentRow } from './residents.queries.ts';
import { AddressFields, type AddressChoice } from './residents.address-field.tsx';
import { addressChoiceLabels, base, DoneNotice, fullName, PersonFields, personLabels, relKey, residentAddress, sexKey, statusKey } from './residents.views.tsx';

type Event = { id: number; kind: string; on_date: string; reason: string | null; created_at: string; details_json: string | null };
type Member = { id: number; last_name: string; first_name: string; patronymic: string | null; birth_date: string; relationship: string | null; status: string };

export interface ResidentRecordProps {
  ctx: Ctx;
  r: ResidentRow;
  events: Event[];
  members: Member[];
  canEdit: boolean;
  /** The addresses the actor may choose for "moved within". */
  addresses: AddressChoice[];
  done?: string | undefined;
  /** Which form came back with errors. */
  failed?: { which: 'edit' | 'event' | 'link' | 'household'; form: FormState };
}

/** The record as the correction form shows it: the birth date as dd.mm.yyyy, the format its hint names. */
function recordValues(r: ResidentRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (typeof v === 'string') out[k] = v;
  out.birth_date = formatDay(r.birth_date);
  return out;
}

export function ResidentRecordPage({ ctx, r, events, members, canEdit, addresses, done, failed }: ResidentRecordProps) {
  const { t } = ctx;
  const path = `${base(ctx)}/residents/${r.id}`;
  const name = fullName(r);
  const formOf = (which: NonNullable<ResidentRecordProps['failed']>['which'], values: Record<string, string> = {}): FormState =>
    failed?.which === which ? failed.form : { t, values };
  const editForm = formOf('edit', recordValues(r));
  const eventForm = formOf('event');
  const linkForm = formOf('link');
  const hhForm = formOf('household');
  const editFormLabels = { ...personLabels(t), reason: t('registry.population.field.reason') };
  const eventFormLabels = {
    kind: t('registry.population.record.eventKind'), on_date: t('registry.population.record.eventDate'),
    ...addressChoiceLabels(t, t('registry.population.record.newAddress')), reason: t('registry.population.field.reason'),
  };
  const linkFormLabels = { contact: t('registry.population.field.contact') };
  return (
    <StaffLayout ctx={ctx} title={name} path={path} crumbs={[{ href: `${base(ctx)}/residents`, label: t('registry.population.residents.title') }, { label: name }]}>
      <DoneNotice ctx={ctx} done={done} />
      <h1>{name}</h1>
      <h2>{t('registry.population.record.details')}</h2>
      <SummaryList
        rows={[
          { key: t('registry.population.field.lastNameLatin'), value: <span lang="en">{[r.last_name_latin, r.first_name_latin, r.patronymic_latin].filter(Boolean).join(' ')}</span> },
          { key: t('registry.population.field.birthDate'), value: formatDay(r.birth_date) },
          { key: t('registry.population.field.sex'), value: t(sexKey(r.sex)) },
          { key: t('registry.population.field.psn'), value: r.public_service_number ?? '—' },
          { key: t('registry.population.field.idDocument'), value: r.id_document ?? '—' },
          { key: t('registry.population.field.phone'), value: r.phone ?? '—' },
          { key: t('registry.population.field.email'), value: r.email ?? '—' },
          { key: t('registry.population.field.address'), value: residentAddress(ctx, r) },
          { key: t('registry.population.field.status'), value: <Tag tone={r.status === 'registered' ? 'green' : 'grey'}>{t(statusKey(r.status))}</Tag> },
        ]}
      />
      <h2>{t('registry.population.record.household')}</h2>
      {r.household_id !== null ? (
        <>
          <p><a href={`${base(ctx)}/households/${r.household_id}`}>{t('registry.population.household.title', { id: r.household_id })}</a></p>
          <Table
            t={t}
            caption={t('registry.population.household.caption', { count: members.length })}
            rows={members}
            columns={[
              { key: 'name', label: t('registry.population.field.lastName'), render: (m) => <a href={`${base(ctx)}/residents/${m.id}`}>{fullName(m)}</a> },
              { key: 'birth', label: t('registry.population.field.birthDate'), render: (m) => formatDay(m.birth_date) },
              { key: 'rel', label: t('registry.population.field.relationship'), render: (m) => (m.relationship ? t(relKey(m.relationship)) : '—') },
              { key: 'status', label: t('registry.population.field.status'), render: (m) => t(statusKey(m.status)) },
            ]}
          />
        </>
      ) : (
        <>
          <p class="muted">{t('registry.population.record.noHousehold')}</p>
          {canEdit && r.address_id !== null && (
            <>
              <ErrorSummary form={hhForm} labels={{}} />
              <form method="post" action={`${base(ctx)}/households`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="resident_id" value={String(r.id)} />
                <Button variant="secondary">{t('registry.population.record.createHousehold')}</Button>
              </form>
            </>
          )}
        </>
      )}
      <h2>{t('registry.population.record.history')}</h2>
      <ol class="timeline">
        {events.map((e) => (
          <li class="timeline-item">
            <p><strong>{t(`registry.population.event.${e.kind}` as MessageKey)}</strong> · <time dateTime={e.on_date}>{formatDay(e.on_date)}</time></p>
            {e.reason && <p>{t('registry.population.field.reason')}: {e.reason}</p>}
            <p class="muted"><time dateTime={e.created_at}>{formatInstant(e.created_at)}</time></p>
          </li>
        ))}
      </ol>
      {canEdit && (
        <>
          <section aria-labelledby="edit">
            <h2 id="edit">{t('registry.population.record.edit')}</h2>
            <ErrorSummary form={editForm} labels={editFormLabels} />
            <form method="post" action={path} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <PersonFields ctx={ctx} form={editForm} />
              <Textarea form={editForm} name="reason" label={editFormLabels.reason} hint={t('registry.population.field.reasonHint')} required value={failed?.which === 'edit' ? undefined : ''} />
              <Button>{t('registry.population.record.save')}</Button>
            </form>
          </section>
          {r.status === 'registered' && (
            <section aria-labelledby="event">
              <h2 id="event">{t('registry.population.record.event')}</h2>
              <ErrorSummary form={eventForm} labels={eventFormLabels} />
              <form method="post" action={`${path}/events`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <Select form={eventForm} name="kind" label={eventFormLabels.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`registry.population.event.${k}`) }))} placeholder={t('ui.choose')} required />
                <TextInput form={eventForm} name="on_date" label={eventFormLabels.on_date} hint={t('registry.population.field.dateHint')} width="m" required />
                <AddressFields ctx={ctx} form={eventForm} addresses={addresses} label={eventFormLabels.address_id} />
                <Textarea form={eventForm} name="reason" label={eventFormLabels.reason} optional />
                <Button>{t('registry.population.record.save')}</Button>
              </form>
            </section>
          )}
          <section aria-labelledby="link">
            <h2 id="link">{t('registry.population.record.link')}</h2>
            <ErrorSummary form={linkForm} labels={linkFormLabels} />
            <form method="post" action={`${path}/link-account`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextInput form={linkForm} name="contact" label={linkFormLabels.contact} hint={t('registry.population.record.linkHint')} spellcheck={false} required />
              <Button variant="secondary">{t('registry.population.record.link')}</Button>
            </form>
          </section>
        </>
      )}
    </StaffLayout>
  );
}
