// Checks the values of a service's form against its typed fields. The same function
// serves the citizen's online form, the desk form and the engine at submission, so a
// value the form accepts is a value the case keeps. Errors are message keys.
import { publicServiceNumber, taxId, cadastralCode, parseDay } from '../../registry/index.ts';
import type { FieldSpec, ServiceSpec } from '../catalogue/spec.ts';
import { stripControls } from '../../../platform/http/controls.ts';

export type FormValue = string | number | boolean;
export type FormValues = Record<string, FormValue>;

export interface FormCheck {
  values: FormValues;
  errors: Record<string, string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Text as typed, without control characters (the engine is called from more than HTTP: imports, jobs, tests). */
export function cleanText(v: string): string {
  return stripControls(v).trim();
}

function raw(input: unknown): string {
  if (input === undefined || input === null) return '';
  if (Array.isArray(input)) return raw(input[0]);
  return cleanText(String(input));
}

/** One field: the parsed value, or an error key. Empty optional fields give undefined. */
export function checkField(field: FieldSpec, input: unknown): { value?: FormValue; error?: string } {
  if (field.type === 'checkbox') {
    const on = ['on', 'true', '1', 'yes'].includes(raw(input).toLowerCase());
    if (field.required && !on) return { error: 'services.form.error.required' };
    return { value: on };
  }
  const text = raw(input);
  if (!text) return field.required ? { error: 'services.form.error.required' } : {};
  const maxLength = field.maxLength ?? (field.type === 'textarea' ? 5000 : 300);
  if (text.length > maxLength) return { error: 'services.form.error.tooLong' };
  switch (field.type) {
    case 'number': {
      if (!/^-?\d+([.,]\d+)?$/.test(text)) return { error: 'services.form.error.number' };
      const n = Number(text.replace(',', '.'));
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return { error: 'services.form.error.range' };
      return { value: n };
    }
    case 'date': {
      const day = parseDay(text);
      return day ? { value: day } : { error: 'services.form.error.date' };
    }
    case 'select':
      return field.options?.some((o) => o.value === text) ? { value: text } : { error: 'services.form.error.option' };
    case 'psn':
      return publicServiceNumber.safeParse(text).success ? { value: text } : { error: 'registry.error.psn' };
    case 'tax_id':
      return taxId.safeParse(text).success ? { value: text } : { error: 'registry.error.taxId' };
    case 'cadastral_code':
      return cadastralCode.safeParse(text).success ? { value: text } : { error: 'registry.error.cadastralCode' };
    case 'email':
      return EMAIL.test(text) ? { value: text } : { error: 'services.form.error.email' };
    case 'phone':
      return PHONE.test(text) ? { value: text.replace(/[ ()-]/g, '') } : { error: 'services.form.error.phone' };
    default:
      return { value: text };
  }
}

/**
 * Checks `input` against the spec's fields. `partial` (a draft) reports format errors but
 * not missing required values. Keys that are not fields are dropped.
 */
export function checkForm(spec: ServiceSpec, input: Record<string, unknown>, opts: { partial?: boolean; only?: string[] } = {}): FormCheck {
  const values: FormValues = {};
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    if (opts.only && !opts.only.includes(field.key)) continue;
    const r = checkField(opts.partial ? { ...field, required: false } : field, input[field.key]);
    if (r.error) errors[field.key] = r.error;
    else if (r.value !== undefined) values[field.key] = r.value;
  }
  return { values, errors };
}

/** Stored form values as an object (form_data is JSON text). */
export function parseFormData(json: string): FormValues {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as FormValues) : {};
  } catch {
    return {};
  }
}
