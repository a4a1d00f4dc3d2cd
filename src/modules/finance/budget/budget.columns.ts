// The documented column mappings of the two imports (docs/finance-budget.md): the header
// names taken for each column, in English and Armenian, and how parts and directions are
// spelled. No national Treasury report format was found (DOMAIN-finance.md §5), so the
// mapping is ours and the Treasury's export is renamed to it.
import type { ColumnMap } from './budget.file.ts';
import type { BudgetDirection, BudgetPart } from './budget.table.ts';

export const PLAN_COLUMNS = {
  direction: ['type', 'ուղղություն', 'տեսակ'],
  part: ['budget_part', 'մաս'],
  functional: ['functional_code', 'գործառական', 'գործառական_դասակարգում'],
  economic: ['economic_code', 'code', 'տնտեսագիտական', 'տնտեսագիտական_դասակարգում', 'ծածկագիր'],
  name: ['line', 'անվանում'],
  approved: ['amount', 'plan', 'հաստատված', 'գումար'],
} as const satisfies ColumnMap<string>;

export const EXECUTION_COLUMNS = {
  functional: ['functional_code', 'գործառական', 'գործառական_դասակարգում'],
  economic: ['economic_code', 'code', 'տնտեսագիտական', 'տնտեսագիտական_դասակարգում', 'ծածկագիր'],
  part: ['budget_part', 'մաս'],
  period: ['month', 'ամիս', 'ժամանակաշրջան'],
  executed: ['amount', 'actual', 'փաստացի', 'կատարում', 'գումար'],
} as const satisfies ColumnMap<string>;

const PARTS: Record<string, BudgetPart> = {
  administrative: 'administrative', admin: 'administrative', 'վարչական': 'administrative', 'административная': 'administrative',
  fund: 'fund', capital: 'fund', 'ֆոնդային': 'fund', 'фондовая': 'fund',
};
const DIRECTIONS: Record<string, BudgetDirection> = {
  revenue: 'revenue', 'եկամուտ': 'revenue', 'եկամուտներ': 'revenue', 'доход': 'revenue',
  expense: 'expense', expenditure: 'expense', 'ծախս': 'expense', 'ծախսեր': 'expense', 'расход': 'expense',
};

export const partOf = (raw: string): BudgetPart | null => PARTS[raw.trim().toLowerCase()] ?? null;
export const directionOf = (raw: string): BudgetDirection | null => DIRECTIONS[raw.trim().toLowerCase()] ?? null;

/** A month of `year`: "2026-03", also taken as a day of it (an Excel date) or "03.2026". */
export function monthOf(raw: string, year: number): string | null {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(s) ?? (/^(\d{2})\.(\d{4})$/.exec(s) && [s, s.slice(3), s.slice(0, 2)]);
  if (!m || Number(m[1]) !== year || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]}`;
}
