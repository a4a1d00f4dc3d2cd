// How a rule reads on a page: its kind, its validity, its check mark, and its values laid
// out as nested lists and tables (brackets as rows), the same on the national and staff pages.
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../../platform/i18n/index.ts';
import { formatDay } from '../../../platform/i18n/index.ts';
import { Tag } from '../../../platform/ui/components.tsx';
import type { RuleKind, Verification } from './rules.types.ts';

export const kindLabel = (t: Translate, kind: RuleKind) => t(`finance.rules.kind.${kind}`);

export function validityText(t: Translate, r: { valid_from: string; valid_to: string | null }): string {
  return r.valid_to
    ? t('finance.rules.validity.closed', { from: formatDay(r.valid_from), to: formatDay(r.valid_to) })
    : t('finance.rules.validity.open', { from: formatDay(r.valid_from) });
}

export function VerificationTag({ t, v }: { t: Translate; v: Verification }) {
  return v === 'verified' ? <Tag tone="green">{t('finance.rules.verification.verified')}</Tag> : <Tag tone="yellow">{t('finance.rules.verification.to_check')}</Tag>;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const isRecord = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list of records with the same plain fields (brackets, bands) as a small table. */
function RecordTable({ rows }: { rows: { [k: string]: Json }[] }) {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div class="table-wrap">
      <table class="table">
        <thead><tr>{cols.map((c) => <th scope="col">{c}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr>{cols.map((c) => <td>{r[c] === undefined ? '' : plain(r[c]!)}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function plain(v: Json): string {
  if (v === null) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The values of a rule, for reading (the editor shows the JSON itself). */
export function RuleData({ data }: { data: Json }): ComponentChildren {
  if (Array.isArray(data)) {
    if (data.length && data.every(isRecord)) return <RecordTable rows={data} />;
    return plain(data.map(plain).join(', '));
  }
  if (!isRecord(data)) return plain(data);
  return (
    <dl class="rule-data">
      {Object.entries(data).map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd><RuleData data={v} /></dd>
        </div>
      ))}
    </dl>
  );
}
