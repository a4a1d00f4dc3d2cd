// What the back-office dashboard shows, gathered from the modules' manifests: the staff
// member's own work first (worklist providers they may use), their unread notices, then each
// module of the navigation with its key indicators for this community over twelve months.
// Indicators are kept a minute per community, so a dashboard view does not recount cases.
import type { Ctx } from '../../platform/http/context.ts';
import type { Indicator, WorkItem } from '../../platform/module/contract.ts';
import { workOf } from '../../platform/module/worklist.ts';
import { computeIndicators, lastTwelveMonths, type IndicatorValue } from '../../platform/module/indicators.ts';
import { listNotices } from '../../platform/notify/notices.ts';
import { navGroups, type NavGroup } from '../../platform/ui/nav.ts';

export interface DashboardGroup extends NavGroup {
  figures: IndicatorValue[];
}

export interface Dashboard {
  work: WorkItem[];
  notices: Awaited<ReturnType<typeof listNotices>>['notices'];
  unread: number;
  groups: DashboardGroup[];
  period: { from: string; to: string };
}

const INDICATOR_TTL_MS = 60_000;
/** Per database (tests run several side by side), per community and day. */
const cached = new WeakMap<object, Map<string, { at: number; values: Promise<IndicatorValue[]> }>>();

function keyFiguresOf(ctx: Ctx, communityId: number, period: { from: string; to: string }): Promise<IndicatorValue[]> {
  let keyFigures = cached.get(ctx.services.db);
  if (!keyFigures) cached.set(ctx.services.db, (keyFigures = new Map()));
  const key = `${communityId}:${period.to}`;
  const hit = keyFigures.get(key);
  if (hit && Date.now() - hit.at < INDICATOR_TTL_MS) return hit.values;
  const values = computeIndicators(ctx.services, communityId, period, (i: Indicator) => i.keyFigure === true);
  if (keyFigures.size > 5000) keyFigures.clear();
  keyFigures.set(key, { at: Date.now(), values });
  values.catch(() => keyFigures.delete(key));
  return values;
}

/** The module an indicator belongs to: its key's first part (`services.cases_decided`). */
const moduleOf = (i: Indicator) => i.key.split('.')[0]!;

export async function loadDashboard(ctx: Ctx): Promise<Dashboard> {
  const community = ctx.requireCommunity();
  const userId = ctx.actor!.userId;
  const period = lastTwelveMonths();
  const [work, notices, figures] = await Promise.all([
    workOf(ctx, 'staff'),
    listNotices(ctx.tenant(), userId, 1, ctx.locale),
    keyFiguresOf(ctx, community.id, period),
  ]);
  const groups = navGroups(ctx, 'backoffice', `/${community.slug}/staff`)
    .filter((g) => g.links.some((l) => l.href !== `/${community.slug}/staff`))
    .map((g) => ({ ...g, figures: figures.filter((f) => moduleOf(f.indicator) === g.key) }));
  return {
    work,
    notices: notices.notices.filter((n) => n.unread).slice(0, 5),
    unread: notices.unread,
    groups,
    period,
  };
}
