// The office statistics of one day, computed from that day's tickets: per window, per
// operator and per group, waiting time (issued → called) and service time (served → done)
// in minutes, and tickets issued per hour. A day of one office is a few hundred rows at
// most, so this is computed when the page is opened rather than stored.
import { SERVICE_GROUPS, minutesBetween, yerevanHour, type ServiceGroup } from './queue.groups.ts';
import type { TicketRow } from './queue.queries.ts';

export type StatTicket = Pick<TicketRow, 'status' | 'group_code' | 'window_id' | 'operator_user_id' | 'issued_at' | 'called_at' | 'served_at' | 'done_at'>;

export interface Figures {
  issued: number;
  called: number;
  /** Finished: the visitor was served to the end (status done). */
  served: number;
  noShows: number;
  /** Minutes; null when there is nothing to measure. */
  waitMedian: number | null;
  waitAverage: number | null;
  serviceMedian: number | null;
  serviceAverage: number | null;
}

export interface GroupFigures {
  group: ServiceGroup;
  issued: number;
  served: number;
  noShows: number;
  waiting: number;
}

export interface DayStats {
  total: Figures;
  windows: Map<number, Figures>;
  operators: Map<number, Figures>;
  groups: GroupFigures[];
  /** Tickets issued per Yerevan hour, from opening to closing (at least 09:00–18:00). */
  hours: { hour: number; count: number }[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function average(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Rounded to a tenth of a minute, which is what the page shows. */
const tenth = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function figuresOf(rows: StatTicket[]): Figures {
  const waits = rows.filter((r) => r.called_at).map((r) => minutesBetween(r.issued_at, r.called_at!));
  const services = rows.filter((r) => r.status === 'done' && r.served_at && r.done_at).map((r) => minutesBetween(r.served_at!, r.done_at!));
  return {
    issued: rows.length,
    called: rows.filter((r) => r.called_at).length,
    served: rows.filter((r) => r.status === 'done').length,
    noShows: rows.filter((r) => r.status === 'no_show').length,
    waitMedian: tenth(median(waits)),
    waitAverage: tenth(average(waits)),
    serviceMedian: tenth(median(services)),
    serviceAverage: tenth(average(services)),
  };
}

function groupBy<K>(rows: StatTicket[], key: (r: StatTicket) => K | null): Map<K, Figures> {
  const buckets = new Map<K, StatTicket[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = buckets.get(k);
    if (list) list.push(r);
    else buckets.set(k, [r]);
  }
  return new Map([...buckets].map(([k, list]) => [k, figuresOf(list)]));
}

export function dayStats(rows: StatTicket[]): DayStats {
  const groups = SERVICE_GROUPS.map((group) => {
    const list = rows.filter((r) => r.group_code === group);
    return {
      group,
      issued: list.length,
      served: list.filter((r) => r.status === 'done').length,
      noShows: list.filter((r) => r.status === 'no_show').length,
      waiting: list.filter((r) => r.status === 'waiting').length,
    };
  }).filter((g) => g.issued > 0);
  const perHour = new Map<number, number>();
  for (const r of rows) {
    const hour = yerevanHour(r.issued_at);
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
  }
  const first = Math.min(9, ...perHour.keys());
  const last = Math.max(17, ...perHour.keys());
  const hours = Array.from({ length: last - first + 1 }, (_, i) => ({ hour: first + i, count: perHour.get(first + i) ?? 0 }));
  return {
    total: figuresOf(rows),
    windows: groupBy(rows, (r) => r.window_id),
    operators: groupBy(rows, (r) => r.operator_user_id),
    groups,
    hours,
  };
}
