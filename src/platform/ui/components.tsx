// The design system: small, accessible-by-construction pieces every page is built from
// (after the GOV.UK Design System). Everything works without JavaScript: sorting and
// paging are links, forms post, errors come back as a summary linked to each field.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../http/errors.ts';
import type { Translate } from '../i18n/index.ts';

/** What a form needs to render fields: the translator, the errors and the values sent last time. */
export interface FormState {
  t: Translate;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /**
   * Prefixes the ids of this form's fields, for a page with two forms that share a field
   * name (ids must be unique, and the error summary must lead to the right one).
   */
  idPrefix?: string;
}

export const fieldId = (name: string) => `field-${name.replace(/[^\w-]/g, '-')}`;

/** The id of a field of this form (see FormState.idPrefix). */
export const formFieldId = (form: Pick<FormState, 'idPrefix'>, name: string) => fieldId(`${form.idPrefix ?? ''}${name}`);

/** Builds a link to `path` with the current query changed: undefined removes a parameter. */
export function withQuery(path: string, query: Record<string, unknown>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k in changes) continue;
    if (typeof v === 'string' && v !== '') params.set(k, v);
    else if (typeof v === 'number') params.set(k, String(v));
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Shown at the top of a form that came back with errors. It takes focus on load so a
 * screen reader announces it. Each error of a field names the field by its label and
 * links to it ("E-mail: Required"); `labels` gives the label of every field the form
 * shows (the same text as the field's own label), in the form's order. An error without
 * a label (`_form`, a hidden field such as the version) is about the whole form and
 * stands without a link.
 */
export function ErrorSummary({ form, labels }: { form: FormState; labels: Record<string, string> }) {
  // In the order of the form (the order of `labels`), messages about the whole form first.
  const order = Object.keys(labels);
  const entries = Object.entries(form.errors ?? {}).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title" class="error-summary-title">{form.t('error.summary')}</h2>
      <ul>
        {entries.map(([name, key]) => {
          const label = Object.hasOwn(labels, name) ? labels[name] : undefined;
          return <li>{label ? <a href={`#${formFieldId(form, name)}`}>{form.t('error.summaryItem', { field: label, message: form.t(key) })}</a> : form.t(key)}</li>;
        })}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and inline error around one control; the control is passed as children. */
export function Field({ form, name, label, hint, optional, children }: FieldProps & { children: ComponentChildren }) {
  const error = form.errors?.[name];
  const id = formFieldId(form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>
        {label}
        {optional && <span class="muted"> {form.t('ui.optional')}</span>}
      </label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{form.t('ui.errorPrefix')} </span>
          {form.t(error)}
        </p>
      )}
      {children}
    </div>
  );
}

function controlAttrs(form: FormState, name: string, hint?: string) {
  const error = form.errors?.[name];
  const id = formFieldId(form, name);
  return {
    id,
    name,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'color'; value?: string; autocomplete?: string; width?: 's' | 'm' | 'l'; required?: boolean; spellcheck?: boolean; inputMode?: string },
) {
  const { form, name, hint, type = 'text', autocomplete, width = 'l', required } = props;
  const value = props.value ?? form.values?.[name] ?? '';
  return (
    <Field {...props}>
      <input
        class={`input input-${width}`}
        type={type}
        value={value}
        autocomplete={autocomplete}
        required={required}
        spellcheck={props.spellcheck}
        inputMode={props.inputMode}
        {...controlAttrs(form, name, hint)}
      />
    </Field>
  );
}

export function Textarea(props: FieldProps & { value?: string; rows?: number; required?: boolean }) {
  const { form, name, hint, rows = 4, required } = props;
  return (
    <Field {...props}>
      <textarea class="textarea" rows={rows} required={required} {...controlAttrs(form, name, hint)}>
        {props.value ?? form.values?.[name] ?? ''}
      </textarea>
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: FieldProps & { options: Option[]; value?: string; placeholder?: string; required?: boolean }) {
  const { form, name, hint, options, placeholder, required } = props;
  const value = props.value ?? form.values?.[name] ?? '';
  return (
    <Field {...props}>
      <select class="select" required={required} {...controlAttrs(form, name, hint)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}

/** A group of checkboxes in a fieldset; the first box carries the id the error summary links to. */
export function Checkboxes(props: Omit<FieldProps, 'optional'> & { items: (Option & { hint?: string })[]; checked?: string[] }) {
  const { form, name, label, hint, items, checked = [] } = props;
  const error = form.errors?.[name];
  const first = formFieldId(form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={describedBy(first, hint, error)}>
        <legend class="label">{label}</legend>
        {hint && <p class="hint" id={`${first}-hint`}>{hint}</p>}
        {error && (
          <p class="error-message" id={`${first}-error`}>
            <span class="visually-hidden">{form.t('ui.errorPrefix')} </span>
            {form.t(error)}
          </p>
        )}
        {items.map((item, i) => {
          const id = i === 0 ? first : `${first}-${i + 1}`;
          return (
            <div class="checkbox">
              <input type="checkbox" id={id} name={name} value={item.value} checked={checked.includes(item.value)} aria-describedby={item.hint ? `${id}-hint` : undefined} />
              <label for={id}>{item.label}</label>
              {item.hint && <p class="hint" id={`${id}-hint`}>{item.hint}</p>}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function Button({ children, variant = 'primary', type = 'submit', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; type?: 'submit' | 'button'; name?: string; value?: string }) {
  return (
    <button type={type} class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

/** A link styled as a button, for actions that are plain navigation. */
export function ButtonLink({ href, children, variant = 'secondary' }: { href: string; children: ComponentChildren; variant?: 'primary' | 'secondary' }) {
  return <a class={`button button-${variant}`} href={href} role="button" draggable={false}>{children}</a>;
}

/** The hidden field every form posts (developing.md "Forms"). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  action?: { href: string; label: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-row">
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
          {r.action && (
            <dd class="summary-action">
              <a href={r.action.href}>
                {r.action.label}
                <span class="visually-hidden"> {r.key}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

export interface Column<R> {
  key: string;
  label: string;
  sortable?: boolean;
  numeric?: boolean;
  render: (row: R) => ComponentChildren;
}

export interface SortState {
  col: string;
  dir: 'asc' | 'desc';
}

/**
 * A data table. Sortable headers are links that set ?sort=&dir= and keep the other
 * query parameters (filters); the sorted column carries aria-sort. Paging restarts at 1.
 * With `stack`, a narrow screen shows each row as a block of "label value" lines instead
 * of columns that would not fit; the roles keep it a table for screen readers (CSS
 * display changes drop table semantics in some browsers), which read the column headers
 * rather than the repeated labels (aria-hidden).
 */
export function Table<R>(props: {
  t: Translate;
  caption: string;
  captionHidden?: boolean;
  columns: Column<R>[];
  rows: R[];
  sort?: SortState;
  path?: string;
  query?: Record<string, unknown>;
  empty?: string;
  stack?: boolean;
}) {
  const { t, caption, columns, rows, sort, path = '', query = {}, stack = false } = props;
  if (rows.length === 0) return <EmptyState title={caption}>{props.empty ?? t('table.empty')}</EmptyState>;
  const role = (r: 'table' | 'rowgroup' | 'row' | 'columnheader' | 'cell') => (stack ? r : undefined);
  return (
    <div class="table-wrap">
      <table class={stack ? 'table table-stack' : 'table'} role={role('table')}>
        <caption class={props.captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead role={role('rowgroup')}>
          <tr role={role('row')}>
            {columns.map((c) => {
              const current = sort?.col === c.key ? sort.dir : undefined;
              const ariaSort = current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : c.sortable ? 'none' : undefined;
              return (
                <th scope="col" class={c.numeric ? 'numeric' : undefined} aria-sort={ariaSort} role={role('columnheader')}>
                  {c.sortable ? (
                    <a
                      class="sort-link"
                      href={withQuery(path, query, { sort: c.key, dir: current === 'asc' ? 'desc' : 'asc', page: undefined })}
                      title={t('table.sortBy', { column: c.label })}
                    >
                      {c.label}
                      {current && <span aria-hidden="true">{current === 'asc' ? ' ▲' : ' ▼'}</span>}
                      {current && <span class="visually-hidden"> ({t(current === 'asc' ? 'ui.sortedAsc' : 'ui.sortedDesc')})</span>}
                    </a>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role={role('rowgroup')}>
          {rows.map((r) => (
            <tr role={role('row')}>
              {columns.map((c) => (
                <td class={c.numeric ? 'numeric' : undefined} role={role('cell')}>
                  {stack ? (
                    <>
                      <span class="cell-label" aria-hidden="true">{c.label}</span>
                      <span class="cell-value">{c.render(r)}</span>
                    </>
                  ) : (
                    c.render(r)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links and "page x of y"; the links keep every other query parameter. */
export function Pager({ t, page, pages, path, query = {} }: { t: Translate; page: number; pages: number; path: string; query?: Record<string, unknown> }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('ui.pagination')}>
      {page > 1 ? <a rel="prev" href={withQuery(path, query, { page: page - 1 })}>← {t('table.previous')}</a> : <span />}
      <span class="pager-status" aria-current="page">{t('table.pageOf', { page, pages })}</span>
      {page < pages ? <a rel="next" href={withQuery(path, query, { page: page + 1 })}>{t('table.next')} →</a> : <span />}
    </nav>
  );
}

export type Tone = 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'purple';

/** A status tag: colour always comes with words, never colour alone. */
export function Tag({ tone = 'grey', children }: { tone?: Tone; children: ComponentChildren }) {
  return <strong class={`tag tag-${tone}`}>{children}</strong>;
}

export function EmptyState({ title, children }: { title?: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      {title && <p class="empty-title">{title}</p>}
      {children && <p class="muted">{children}</p>}
    </div>
  );
}

/** A notice after an action ("flash"): announced politely, with colour and a heading. */
export function Notice({ tone = 'success', title, children }: { tone?: 'success' | 'info' | 'warning'; title: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      <p class="notice-title">{title}</p>
      {children && <div>{children}</div>}
    </div>
  );
}

export interface Crumb {
  href?: string;
  label: string;
}

export function Breadcrumbs({ t, crumbs }: { t: Translate; crumbs: Crumb[] }) {
  if (crumbs.length === 0) return null;
  return (
    <nav class="container breadcrumbs" aria-label={t('nav.breadcrumbs')}>
      <ol>
        {crumbs.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
