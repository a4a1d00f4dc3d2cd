// Building blocks of the shipped service templates: the trilingual text helper, the
// fields and documents many services ask for, and the extra workflow steps. Templates are
// written as zod *input* (defaults such as `required: false` may be left out); the
// installer parses each with serviceSpec before storing it.
import type { z } from 'zod';
import type { Localized, ServiceGroup, serviceSpec } from '../catalogue/spec.ts';
import { standardWorkflow, type StandardWorkflowOptions } from '../catalogue/workflows.ts';

export type SpecInput = z.input<typeof serviceSpec>;
type FieldInput = SpecInput['fields'][number];
type DocumentInput = SpecInput['documents'][number];

export interface ServiceTemplate {
  /** Stable and URL-safe; becomes the service's code in each community. */
  code: string;
  group: ServiceGroup;
  spec: SpecInput;
}

export const L = (hy: string, en: string, ru: string): Localized => ({ hy, en, ru });

export function template(code: string, spec: SpecInput): ServiceTemplate {
  return { code, group: spec.group, spec };
}

export function field(key: string, type: FieldInput['type'], label: Localized, more: Partial<FieldInput> = {}): FieldInput {
  return { key, type, label, ...more };
}

export function select(key: string, label: Localized, options: [string, Localized][], more: Partial<FieldInput> = {}): FieldInput {
  return { key, type: 'select', label, options: options.map(([value, l]) => ({ value, label: l })), required: true, ...more };
}

export function doc(key: string, label: Localized, more: Partial<DocumentInput> = {}): DocumentInput {
  return { key, label, ...more };
}

/** A fee looked up by a select field's value, `fallback` when the value is not in the table. */
export function tableFee(fieldKey: string, rows: [string, number][], fallback: number): SpecInput['fee'] {
  return { kind: 'table', field: fieldKey, rows: rows.map(([value, amount]) => ({ value, amount })), default: fallback };
}

/** What a service issues: a permit (optionally titled) or a decision letter, with its body text. */
export function permit(hy: string, en: string, ru: string, title?: Localized): SpecInput['output'] {
  return title ? { template: 'permit', title, body: L(hy, en, ru) } : { template: 'permit', body: L(hy, en, ru) };
}
export function letter(hy: string, en: string, ru: string): SpecInput['output'] {
  return { template: 'decision_letter', body: L(hy, en, ru) };
}

/** Fields several services share. */
export const FIELDS = {
  cadastralCode: (required = true) =>
    field('cadastral_code', 'cadastral_code', L('Հողամասի կադաստրային ծածկագիր', 'Cadastral code of the land plot', 'Кадастровый код участка'), {
      required,
      help: L('Նշված է սեփականության վկայականում, օրինակ՝ 09-001-0012-0034', 'Printed on the ownership certificate, e.g. 09-001-0012-0034', 'Указан в свидетельстве о собственности, напр. 09-001-0012-0034'),
    }),
  address: (required = true) => field('address', 'text', L('Հասցե', 'Address', 'Адрес'), { required, maxLength: 300 }),
  presentTo: () =>
    field('present_to', 'text', L('Որտեղ է ներկայացվելու', 'Where it will be presented', 'Куда будет представлена'), { maxLength: 200 }),
  details: (label: Localized, required = true) => field('details', 'textarea', label, { required, maxLength: 4000 }),
  phone: () => field('contact_phone', 'phone', L('Կոնտակտային հեռախոս', 'Contact phone', 'Контактный телефон'), { required: true }),
};

/** Documents several services ask for. */
export const DOCS = {
  passport: () => doc('passport', L('Անձնագրի կամ նույնականացման քարտի պատճեն', 'Copy of passport or ID card', 'Копия паспорта или ID-карты')),
  proxy: () =>
    doc('proxy', L('Լիազորագիր (եթե դիմում է ներկայացուցիչը)', "Power of attorney (if a representative applies on the person's behalf)", 'Доверенность (если обращается представитель)'), {
      required: false,
    }),
  ownership: () =>
    doc('ownership', L('Սեփականության իրավունքի պետական գրանցման վկայական', 'Certificate of state registration of ownership', 'Свидетельство о государственной регистрации права собственности')),
  companyRegistration: () =>
    doc(
      'company_registration',
      L('Իրավաբանական անձի կամ անհատ ձեռնարկատիրոջ պետական գրանցման վկայական', 'State registration certificate of the company or sole trader', 'Свидетельство о государственной регистрации юридического лица или ИП'),
      { required: false },
    ),
  premises: () =>
    doc(
      'premises_right',
      L('Տարածքի օգտագործման իրավունքը հաստատող փաստաթուղթ (սեփականության վկայական կամ վարձակալության պայմանագիր)', 'Proof of the right to use the premises (ownership certificate or lease contract)', 'Документ о праве пользования помещением (свидетельство о собственности или договор аренды)'),
    ),
  sitePlan: () => doc('site_plan', L('Տեղադիրքի սխեմա', 'Location plan', 'Ситуационная схема'), { types: ['pdf', 'jpeg', 'png'] }),
  design: (label = L('Նախագծային փաստաթղթեր', 'Design documents', 'Проектная документация')) => doc('design', label, { types: ['pdf'], maxMb: 20 }),
  photos: () => doc('photos', L('Լուսանկարներ', 'Photographs', 'Фотографии'), { types: ['jpeg', 'png'], required: false }),
  /** What an owner brings about real property: identity and ownership first, a proxy last. */
  ofOwner: (...middle: DocumentInput[]): DocumentInput[] => [DOCS.passport(), DOCS.ownership(), ...middle, DOCS.proxy()],
};

/** A visit to the site between review and decision (construction, demolition, acceptance). */
export const SITE_INSPECTION: NonNullable<StandardWorkflowOptions['extraSteps']>[number] = {
  key: 'site_inspection',
  label: L('Տեղազննում', 'Site inspection', 'Осмотр на месте'),
  days: 5,
  roles: ['specialist', 'chief_of_staff'],
};

/** Whether the workflow's approve step follows a commission's review (social assistance, land). */
export const COMMISSION_REVIEW: NonNullable<StandardWorkflowOptions['extraSteps']>[number] = {
  key: 'commission',
  label: L('Հանձնաժողովի քննարկում', 'Commission review', 'Рассмотрение комиссией'),
  days: 10,
  roles: ['specialist', 'chief_of_staff'],
};

/** Routine services: a specialist or the chief of staff decides, after `reviewDays` in review. */
export const staffDecides = (reviewDays: number) => standardWorkflow({ deciders: ['specialist', 'chief_of_staff'], reviewDays });

/** Who may apply. */
export const PERSON: SpecInput['applicants'] = ['person'];
export const ANYONE: SpecInput['applicants'] = ['person', 'organization'];

/** The group a service is listed under, who may apply, and where (online, at the office or both). */
export function offered(group: ServiceGroup, applicants = ANYONE, channels: SpecInput['channels'] = 'both'): Pick<SpecInput, 'group' | 'applicants' | 'channels'> {
  return { group, applicants, channels };
}
