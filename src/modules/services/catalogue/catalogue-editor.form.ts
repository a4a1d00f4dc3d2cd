// The editor's form and a ServiceSpec, both ways. The common settings are plain controls;
// fields, documents and the workflow's states and actions are one JSON text ("advanced").
// The roles matrix and the days per state override the same values in the JSON for the
// actions and states the page showed (listed in hidden inputs), so an administrator can
// add an action in the JSON and tick its roles after the next save.
import type { FieldErrors } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { pick, type Localized, type ServiceSpec } from './spec.ts';
import { checkSpec, type IssuePath, type SpecIssue } from './catalogue.validate.ts';

const LANGS = ['hy', 'en', 'ru'] as const;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** What the editor page renders: single values, multi-valued checkboxes, and the matrix rows. */
export interface EditorForm {
  values: Record<string, string>;
  multi: Record<string, string[]>;
  actions: { key: string; label: string }[];
  states: { key: string; label: string }[];
  /** The form fields of the JSON, for the fee's field choice and the output's placeholders. */
  fields: { key: string; label: string; type: string }[];
}

type Body = Record<string, unknown>;
const str = (b: Body, name: string): string => (typeof b[name] === 'string' ? (b[name] as string) : '');
const multi = (b: Body, name: string): string[] => {
  const v = b[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
const keyList = (s: string) => s.split(',').map((k) => k.trim()).filter((k) => KEY.test(k));

/** A number control: blank → undefined; a number → the number; anything else stays text so validation names it. */
function num(s: string): number | string | undefined {
  const v = s.trim();
  if (v === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function localizedOf(b: Body, prefix: string): Localized {
  return { hy: str(b, `${prefix}_hy`), en: str(b, `${prefix}_en`), ru: str(b, `${prefix}_ru`) };
}

function optionalLocalized(b: Body, prefix: string): Localized | undefined {
  const l = localizedOf(b, prefix);
  return LANGS.every((k) => l[k].trim() === '') ? undefined : l;
}

/** "value = amount" per line. */
function parseRows(text: string): { value: string; amount: number | string }[] | null {
  const rows = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*=\s*(\S+)$/.exec(line);
    if (!m) return null;
    rows.push({ value: m[1]!, amount: num(m[2]!) ?? '' });
  }
  return rows;
}

export function rowsText(rows: { value: string; amount: number }[]): string {
  return rows.map((r) => `${r.value} = ${r.amount}`).join('\n');
}

/** The keyed entries of a JSON list with their label in the reader's language (what the page lists). */
function keyed(list: unknown, locale: string): { key: string; label: string; type: string }[] {
  return (Array.isArray(list) ? list : []).flatMap((x: { key?: unknown; label?: unknown; type?: unknown }) => {
    if (typeof x?.key !== 'string' || !KEY.test(x.key)) return [];
    const label = x.label && typeof x.label === 'object' && typeof (x.label as Localized).hy === 'string' ? pick(x.label as Localized, locale) : x.key;
    return [{ key: x.key, label, type: typeof x.type === 'string' ? x.type : '' }];
  });
}

function listsOf(advanced: { fields?: unknown; workflow?: { actions?: unknown; states?: unknown } } | undefined, locale: string): Pick<EditorForm, 'actions' | 'states' | 'fields'> {
  return { actions: keyed(advanced?.workflow?.actions, locale), states: keyed(advanced?.workflow?.states, locale), fields: keyed(advanced?.fields, locale) };
}

/** The editor opened on a saved version. */
export function specToForm(spec: ServiceSpec, version: number, locale: string): EditorForm {
  const values: Record<string, string> = { group: spec.group, channels: spec.channels, version: String(version) };
  for (const l of LANGS) {
    values[`name_${l}`] = spec.name[l];
    values[`description_${l}`] = spec.description[l];
    values[`output_title_${l}`] = spec.output.title?.[l] ?? '';
    values[`output_body_${l}`] = spec.output.body?.[l] ?? '';
  }
  const fee = spec.fee;
  values.fee_kind = fee.kind;
  if (fee.kind === 'fixed') values.fee_amount = String(fee.amount);
  if (fee.kind === 'table') Object.assign(values, { fee_field: fee.field, fee_rows: rowsText(fee.rows), fee_default: String(fee.default) });
  if (fee.kind === 'per_unit') Object.assign(values, { fee_field: fee.field, fee_rate: fee.rate, fee_base: String(fee.base), fee_min: String(fee.min) });
  values.deadline_days = String(spec.deadline.days);
  values.deadline_unit = spec.deadline.unit;
  values.output_template = spec.output.template;
  values.advanced = JSON.stringify({ fields: spec.fields, documents: spec.documents, workflow: spec.workflow }, null, 2);
  const multiValues: Record<string, string[]> = { applicants: [...spec.applicants] };
  for (const a of spec.workflow.actions) multiValues[`roles_${a.key}`] = [...a.roles];
  for (const s of spec.workflow.states) values[`days_${s.key}`] = s.days === undefined ? '' : String(s.days);
  values.shown_actions = spec.workflow.actions.map((a) => a.key).join(',');
  values.shown_states = spec.workflow.states.map((s) => s.key).join(',');
  return { values, multi: multiValues, ...listsOf(spec, locale) };
}

function feeOf(b: Body, errors: FieldErrors): unknown {
  const kind = str(b, 'fee_kind');
  const field = str(b, 'fee_field');
  if (kind === 'fixed') return { kind, amount: num(str(b, 'fee_amount')) };
  if (kind === 'table') {
    const rows = parseRows(str(b, 'fee_rows'));
    if (!rows) errors.fee_rows = 'services.catalogue.error.feeRows';
    return { kind, field, rows: rows ?? [], default: num(str(b, 'fee_default')) ?? 0 };
  }
  if (kind === 'per_unit') return { kind, field, rate: str(b, 'fee_rate').trim(), base: num(str(b, 'fee_base')) ?? 0, min: num(str(b, 'fee_min')) ?? 0 };
  return { kind };
}

/** The control an issue belongs to; anything inside fields, documents or the workflow JSON is "advanced". */
function controlOf(path: IssuePath, workflow: { actions?: { key?: unknown }[]; states?: { key?: unknown }[] } | undefined, b: Body): string {
  const [a, x, y, z] = path;
  const lang = typeof x === 'string' && (LANGS as readonly string[]).includes(x) ? x : 'hy';
  if (a === 'name' || a === 'description') return `${a}_${lang}`;
  if (a === 'group' || a === 'channels' || a === 'applicants') return a;
  if (a === 'fee') return ['amount', 'field', 'rows', 'default', 'rate', 'base', 'min'].includes(String(x)) ? `fee_${String(x)}` : 'fee_kind';
  if (a === 'deadline') return x === 'unit' ? 'deadline_unit' : 'deadline_days';
  if (a === 'output') return x === 'title' || x === 'body' ? `output_${x}_${typeof y === 'string' ? y : 'hy'}` : 'output_template';
  if (a === 'workflow' && typeof y === 'number') {
    const shown = (list: string) => keyList(str(b, list));
    const act = workflow?.actions?.[y]?.key;
    if (x === 'actions' && z === 'roles' && typeof act === 'string' && shown('shown_actions').includes(act)) return `roles_${act}`;
    const st = workflow?.states?.[y]?.key;
    if (x === 'states' && z === 'days' && typeof st === 'string' && shown('shown_states').includes(st)) return `days_${st}`;
  }
  return 'advanced';
}

/** Field messages cannot carry parameters: a parameterised issue gets its plain counterpart. */
const PLAIN: Partial<Record<MessageKey, MessageKey>> = {
  'services.catalogue.issue.missing': 'field.required',
  'services.catalogue.issue.tooSmall': 'services.catalogue.error.range',
  'services.catalogue.issue.tooBig': 'services.catalogue.error.range',
  'services.catalogue.issue.atLeastOne': 'services.catalogue.error.atLeastOne',
  'services.catalogue.issue.type': 'field.invalid',
  'services.catalogue.issue.oneOf': 'field.invalid',
  'services.catalogue.issue.feeField': 'services.catalogue.error.feeField',
  'services.catalogue.issue.feeFieldType': 'services.catalogue.error.feeField',
};

export type EditorParse =
  | { ok: true; spec: ServiceSpec; version: number }
  | { ok: false; errors: FieldErrors; issues: SpecIssue[]; form: EditorForm };

type Workflow = { actions?: { key?: unknown; roles?: unknown }[]; states?: { key?: unknown; days?: unknown }[] };
type Advanced = { fields?: unknown; documents?: unknown; workflow?: Workflow };

/** The posted JSON with the matrix and the days applied to the rows the page showed. */
function readAdvanced(b: Body): { advanced?: Advanced; jsonIssues: SpecIssue[] } {
  let advanced: Advanced | undefined;
  try {
    const parsed: unknown = JSON.parse(str(b, 'advanced'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { jsonIssues: [{ path: [], key: 'services.catalogue.issue.jsonShape' }] };
    advanced = parsed as Advanced;
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1] ?? '0';
    return { jsonIssues: [{ path: [], key: 'services.catalogue.issue.json', params: { position } }] };
  }
  const workflow = advanced.workflow;
  const shownActions = keyList(str(b, 'shown_actions'));
  const shownStates = keyList(str(b, 'shown_states'));
  for (const a of Array.isArray(workflow?.actions) ? workflow.actions : []) {
    if (a && typeof a.key === 'string' && shownActions.includes(a.key)) a.roles = multi(b, `roles_${a.key}`);
  }
  for (const s of Array.isArray(workflow?.states) ? workflow.states : []) {
    if (s && typeof s.key === 'string' && shownStates.includes(s.key)) s.days = num(str(b, `days_${s.key}`));
  }
  return { advanced, jsonIssues: [] };
}

const asBody = (body: unknown): Body => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Body) : {});

function formOf(b: Body, advanced: Advanced | undefined, locale: string): EditorForm {
  const values: Record<string, string> = {};
  const multiValues: Record<string, string[]> = { applicants: multi(b, 'applicants') };
  for (const [k, v] of Object.entries(b)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  // The matrix shows every action and state of the posted JSON, as readAdvanced left them.
  const workflow = advanced?.workflow;
  for (const a of Array.isArray(workflow?.actions) ? workflow.actions : []) {
    if (a && typeof a.key === 'string') multiValues[`roles_${a.key}`] = Array.isArray(a.roles) ? a.roles.filter((r): r is string => typeof r === 'string') : [];
  }
  for (const s of Array.isArray(workflow?.states) ? workflow.states : []) {
    if (s && typeof s.key === 'string') values[`days_${s.key}`] = s.days === undefined || s.days === null ? '' : String(s.days);
  }
  return { values, multi: multiValues, ...listsOf(advanced, locale) };
}

/** The editor as it was posted (to show again, e.g. after a refused save). */
export function postedForm(body: unknown, locale: string): EditorForm {
  const b = asBody(body);
  return formOf(b, readAdvanced(b).advanced, locale);
}

/** Reads a posted editor form into a checked ServiceSpec, or the errors to show beside each control. */
export function formToSpec(body: unknown, locale: string): EditorParse {
  const b = asBody(body);
  const errors: FieldErrors = {};
  const { advanced, jsonIssues } = readAdvanced(b);
  const workflow = advanced?.workflow;
  const candidate = {
    name: localizedOf(b, 'name'),
    description: localizedOf(b, 'description'),
    group: str(b, 'group'),
    applicants: multi(b, 'applicants'),
    channels: str(b, 'channels'),
    fields: advanced?.fields,
    documents: advanced?.documents,
    fee: feeOf(b, errors),
    deadline: { days: num(str(b, 'deadline_days')), unit: str(b, 'deadline_unit') },
    workflow,
    output: { template: str(b, 'output_template'), title: optionalLocalized(b, 'output_title'), body: optionalLocalized(b, 'output_body') },
  };
  const version = num(str(b, 'version'));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) errors.version = 'field.invalid';
  const checked = checkSpec(candidate);
  const issues = [...jsonIssues];
  if (!checked.ok) {
    for (const issue of checked.issues) {
      // With unreadable JSON, everything it should have held is "missing": the JSON error says it once.
      if (jsonIssues.length && ['fields', 'documents', 'workflow'].includes(String(issue.path[0]))) continue;
      const control = controlOf(issue.path, workflow, b);
      if (control === 'advanced') issues.push(issue);
      else errors[control] ??= (issue.params ? PLAIN[issue.key] : undefined) ?? (issue.params ? 'field.invalid' : issue.key);
    }
  }
  if (issues.length) errors.advanced ??= 'services.catalogue.error.json';
  if (checked.ok && Object.keys(errors).length === 0) return { ok: true, spec: checked.spec, version: version as number };
  return { ok: false, errors, issues, form: formOf(b, advanced, locale) };
}
