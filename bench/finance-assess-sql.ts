// The benchmark's baseline: one hand-written SQL statement computing every payer's real
// estate and land tax for the year from the register, with the year's rule set written
// into it as constants — brackets (fixed + marginal rate), the phase-in share, rounding
// half up in integer arithmetic, joint owners as one group, shares split by largest
// remainder — so it yields the amounts the assessment writes, without anything else.
import type { RuleSet } from '../src/modules/finance/rules/rules.service.ts';
import type { Bracket } from '../src/modules/finance/rules/rules.types.ts';

/** A common denominator for shares (the generated register's shares are halves and wholes). */
const L = 720720;

/** A decimal percentage as the integer ratio a/b (0.05 → 5/100). */
function ratio(pct: number): [number, number] {
  const [int, frac = ''] = String(pct).split('.');
  const b = 10 ** frac.length;
  return [Number(int) * b + Number(frac || 0), b];
}

function phaseShare(rs: RuleSet, object: string): number {
  const rule = rs.rules.phase_in;
  if (!rule || rule.data.excluded.includes(object)) return 100;
  const years = Object.keys(rule.data.sharePctByYear).map(Number).filter((y) => y <= rs.year).sort((a, b) => b - a);
  const share = rule.data.sharePctByYear[String(years[0])]!;
  if (!Number.isInteger(share)) throw new Error('the baseline handles whole-percent phase-in shares only');
  return share;
}

/** round_half_up((fixed + (base − from) × rate %) × share %) as integer SQL. */
function bracketExpr(base: string, b: Bracket, share: number): string {
  const [a, d] = ratio(b.ratePct);
  const den = 100 * d * 100;
  const num = `((${b.fixed * 100 * d} + (${base} - ${b.from}) * ${a}) * ${share})`;
  return `((2 * ${num} + ${den}) / ${2 * den})`;
}

function bracketsExpr(base: string, brackets: Bracket[], share: number): string {
  const sorted = [...brackets].sort((x, y) => y.from - x.from);
  return `case ${sorted.map((b) => `when ${base} > ${b.from} then ${bracketExpr(base, b, share)}`).join(' ')} else 0 end`;
}

function pctExpr(value: string, ratePct: number, share: number): string {
  const [a, d] = ratio(ratePct);
  const den = 100 * d * 100;
  return `((2 * ${value} * ${a} * ${share} + ${den}) / ${2 * den})`;
}

export function amountSql(rs: RuleSet, communityId: number, asOf: string): string {
  const tables = rs.rules.real_estate_brackets!.data.tables;
  const land = rs.rules.land_tax!.data;
  const kind = (k: keyof typeof tables) => bracketsExpr('s.cadastral_value', tables[k]!, phaseShare(rs, k));
  const structureTax = `case when s.kind = 'apartment' then ${kind('apartment')}
    when s.purpose = 'residential' then ${kind('house')} when s.purpose = 'public' then ${kind('public')}
    when s.purpose = 'industrial' then ${kind('industrial')} else ${kind('non_residential')} end`;
  const landTax = `case when p.purpose = 'agricultural' then ${pctExpr('p.net_income', land.agriculturalPctOfNetIncome, phaseShare(rs, 'land_agricultural'))}
    when p.inside_settlement = 1 then ${pctExpr('p.cadastral_value', land.insideSettlementPct, phaseShare(rs, 'land'))}
    else ${pctExpr('p.cadastral_value', land.outsideSettlementPct, phaseShare(rs, 'land'))} end`;
  return `with owners as (
      select o.object_type, o.object_id, min(o.id) as gid, sum(o.share_num * (${L} / o.share_den)) as num
      from ownerships o
      where o.community_id = ${communityId} and o.valid_from <= '${asOf}' and (o.valid_to is null or o.valid_to >= '${asOf}')
      group by o.object_type, o.object_id, case when o.tenure = 'joint' then 0 else o.id end
    ), taxed as (
      select 'structure' as object_type, s.id as object_id, ${structureTax} as tax
      from structures s where s.community_id = ${communityId} and s.cadastral_value is not null
      union all
      select 'parcel', p.id, ${landTax}
      from parcels p where p.community_id = ${communityId} and (case when p.purpose = 'agricultural' then p.net_income else p.cadastral_value end) is not null
    ), parts as (
      select w.object_type, w.object_id, w.gid, w.num, t.tax, (t.tax * w.num) / ${L} as fl, (t.tax * w.num) % ${L} as rem
      from owners w join taxed t on t.object_type = w.object_type and t.object_id = w.object_id
    ), ranked as (
      select parts.*, row_number() over (partition by object_type, object_id order by rem desc, gid) as rn,
        (2 * tax * sum(num) over (partition by object_type, object_id) + ${L}) / ${2 * L} - sum(fl) over (partition by object_type, object_id) as leftover
      from parts
    )
    select object_type, object_id, gid, fl + case when rem > 0 and rn <= leftover then 1 else 0 end as amount from ranked`;
}
