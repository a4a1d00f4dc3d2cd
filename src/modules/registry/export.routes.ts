// GET …/residents|parcels|organizations/export.csv|xlsx: the register lists with their
// filters, as CSV or XLSX. The residents export takes the residents list's own query and
// reads through its search/list, so it holds exactly what the list shows. Every export is
// audited (who, which filters, how many rows); residents as 'resident.export' (personal data).
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, type RouteDef } from '../../platform/http/route.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Access } from '../../platform/policy/access.ts';
import { todayInYerevan, type MessageKey } from '../../platform/i18n/index.ts';
import { toCsv, toXlsx, type ExportColumn, type ExportRow } from './export.ts';
import { organizationExportRows, parcelExportRows, residentExportRows } from './export.queries.ts';
import { LAND_PURPOSES } from './importers/parcels.ts';
import { residentsQuery } from './population.schemas.ts';
import { cleanQuery } from './people-search.ts';

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const params = z.object({ slug: z.string() });
const settlement = optional(z.coerce.number().int().positive().max(2 ** 31 - 1));

/** The residents list's query without its paging: q, settlement_id, status, sex, age_min, age_max. */
const residentQuery = residentsQuery.omit({ page: true, done: true });
const parcelQuery = z.object({ settlement, purpose: optional(z.enum(LAND_PURPOSES)) });
const organizationQuery = z.object({
  legal_form: optional(z.string().trim().max(30)),
  status: optional(z.enum(['active', 'closed'])),
  q: optional(z.string().trim().max(100)),
});

const cols = (ctx: Ctx, list: [string, MessageKey][]): ExportColumn[] => list.map(([key, label]) => ({ key, label: ctx.t(label) }));

interface ExportDef<S extends z.ZodType> {
  register: 'residents' | 'parcels' | 'organizations';
  access: Access;
  /** The audit entry's action and entity type (default 'registry.export' and the register). */
  audit?: { action: string; entityType: string };
  query: S;
  columns: [string, MessageKey][];
  rows: (ctx: Ctx, filters: z.infer<S>) => Promise<ExportRow[]>;
}

async function sendExport<S extends z.ZodType>(ctx: Ctx, reply: FastifyReply, def: ExportDef<S>, format: 'csv' | 'xlsx', query: unknown) {
  const parsed = parseForm(def.query, query ?? {});
  if (!parsed.ok) throw badRequest(parsed.errors);
  const filters = Object.fromEntries(
    Object.entries(parsed.data as object)
      .map(([k, v]) => [k, typeof v === 'string' ? cleanQuery(v) : v] as const)
      .filter(([, v]) => v !== undefined),
  );
  const rows = await def.rows(ctx, parsed.data);
  const community = ctx.requireCommunity();
  await ctx.tenant().transaction(async (_tx, raw) => {
    await appendAudit(raw, ctx.auditActor(), {
      communityId: community.id,
      action: def.audit?.action ?? 'registry.export',
      entityType: def.audit?.entityType ?? def.register,
      after: { register: def.register, format, filters, rows: rows.length },
    });
  });
  const columns = cols(ctx, def.columns);
  const name = `${community.slug}-${def.register}-${new Date().toISOString().slice(0, 10)}.${format}`;
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
  if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(toCsv(columns, rows));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await toXlsx(columns, rows, def.register));
}

const DEFS = [
  {
    register: 'residents', access: 'staff:registry.people_view', query: residentQuery,
    audit: { action: 'resident.export', entityType: 'resident' },
    columns: [
      ['last_name', 'registry.export.col.lastName'], ['first_name', 'registry.export.col.firstName'], ['patronymic', 'registry.export.col.patronymic'],
      ['latin', 'registry.export.col.latin'], ['birth_date', 'registry.export.col.birthDate'], ['sex', 'registry.export.col.sex'],
      ['public_service_number', 'registry.export.col.psn'], ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'],
      ['status', 'registry.export.col.status'], ['phone', 'registry.export.col.phone'], ['email', 'registry.export.col.email'],
    ],
    rows: (ctx, f) => residentExportRows(ctx.tenant(), ctx.actor?.settlementIds ?? null, f, todayInYerevan()),
  } satisfies ExportDef<typeof residentQuery>,
  {
    register: 'parcels', access: 'staff:registry.property_view', query: parcelQuery,
    columns: [
      ['cadastral_code', 'registry.export.col.cadastralCode'], ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'],
      ['area_m2', 'registry.export.col.area'], ['purpose', 'registry.export.col.purpose'], ['inside_settlement', 'registry.export.col.inside'],
      ['cadastral_value', 'registry.export.col.cadastralValue'], ['net_income', 'registry.export.col.netIncome'],
    ],
    rows: (ctx, f) => parcelExportRows(ctx.tenant(), f, ctx.actor?.settlementIds ?? null),
  } satisfies ExportDef<typeof parcelQuery>,
  {
    register: 'organizations', access: 'staff:registry.organizations_view', query: organizationQuery,
    columns: [
      ['tax_id', 'registry.export.col.taxId'], ['name', 'registry.export.col.name'], ['legal_form', 'registry.export.col.legalForm'],
      ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'], ['activity', 'registry.export.col.activity'],
      ['status', 'registry.export.col.status'], ['phone', 'registry.export.col.phone'], ['email', 'registry.export.col.email'],
    ],
    rows: (ctx, f) => organizationExportRows(ctx.tenant(), f),
  } satisfies ExportDef<typeof organizationQuery>,
] as ExportDef<z.ZodType>[];

export const exportRoutes: RouteDef[] = DEFS.flatMap((def) =>
  (['csv', 'xlsx'] as const).map((format) =>
    route({
      method: 'GET',
      url: `/:slug/staff/registry/${def.register}/export.${format}`,
      access: def.access,
      kind: 'page',
      schema: { params },
      handler: async (req, reply) => sendExport(req.ctx, reply, def, format, req.query),
    }),
  ),
);
