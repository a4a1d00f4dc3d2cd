// GET …/residents|parcels|structures|organizations|assets/export.csv|xlsx: the register lists
// with their filters, as CSV or XLSX. Each export takes its list's own query (without the
// page) and reads through the list's query, so it holds exactly what the list shows. Every
// export is audited (who, which filters, how many rows); an export naming residents as
// 'resident.export' (personal data) with a view event for each resident named, the others
// as 'registry.export'.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, type RouteDef } from '../../../platform/http/route.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import type { Access } from '../../../platform/policy/access.ts';
import { todayInYerevan, type MessageKey } from '../../../platform/i18n/index.ts';
import { toCsv, toXlsx, type ExportColumn } from './export.ts';
import { can } from '../registry.http.ts';
import {
  assetExportRows, organizationExportRows, parcelExportRows, residentExportRows, structureExportRows, type ExportRows,
} from './export.queries.ts';
import { residentsQuery } from '../population/population.schemas.ts';
import { parcelListQuery, structureListQuery } from '../property/property.schemas.ts';
import { organizationListQuery } from '../organizations/organizations.schemas.ts';
import { assetListQuery } from '../assets/assets.schemas.ts';
import { cleanQuery } from '../population/people-search.ts';
import { auditResidentsShown } from '../population/people-audit.ts';

const params = z.object({ slug: z.string() });
const unpaged = { page: true, done: true } as const;

/** Each list's own query without its paging. */
const residentQuery = residentsQuery.omit(unpaged);
const parcelQuery = parcelListQuery.omit(unpaged);
const structureQuery = structureListQuery.omit(unpaged);
const organizationQuery = organizationListQuery.omit(unpaged);
const assetQuery = assetListQuery.omit(unpaged);
const scopeOf = (ctx: Ctx) => ctx.actor?.settlementIds ?? null;

const cols = (ctx: Ctx, list: [string, MessageKey][]): ExportColumn[] => list.map(([key, label]) => ({ key, label: ctx.t(label) }));

interface ExportDef<S extends z.ZodType> {
  register: 'residents' | 'parcels' | 'structures' | 'organizations' | 'assets';
  access: Access;
  query: S;
  columns: [string, MessageKey][];
  rows: (ctx: Ctx, filters: z.infer<S>) => Promise<ExportRows>;
}

async function sendExport<S extends z.ZodType>(ctx: Ctx, reply: FastifyReply, def: ExportDef<S>, format: 'csv' | 'xlsx', query: unknown) {
  const parsed = parseForm(def.query, query ?? {});
  if (!parsed.ok) throw badRequest(parsed.errors);
  const filters = Object.fromEntries(
    Object.entries(parsed.data as object)
      .map(([k, v]) => [k, typeof v === 'string' ? cleanQuery(v) : v] as const)
      .filter(([, v]) => v !== undefined),
  );
  const { rows, personal, residents } = await def.rows(ctx, parsed.data);
  const community = ctx.requireCommunity();
  // The export itself (filters, count), and a view of each resident it names, in one transaction.
  await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'export', residents.map((residentId) => ({ residentId })), [{
    communityId: community.id,
    action: personal ? 'resident.export' : 'registry.export',
    entityType: personal ? 'resident' : def.register,
    after: { register: def.register, format, filters, rows: rows.length },
  }]);
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
    columns: [
      ['last_name', 'registry.export.col.lastName'], ['first_name', 'registry.export.col.firstName'], ['patronymic', 'registry.export.col.patronymic'],
      ['latin', 'registry.export.col.latin'], ['birth_date', 'registry.export.col.birthDate'], ['sex', 'registry.export.col.sex'],
      ['public_service_number', 'registry.export.col.psn'], ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'],
      ['status', 'registry.export.col.status'], ['phone', 'registry.export.col.phone'], ['email', 'registry.export.col.email'],
    ],
    rows: (ctx, f) => residentExportRows(ctx.tenant(), scopeOf(ctx), f, todayInYerevan()),
  } satisfies ExportDef<typeof residentQuery>,
  {
    register: 'parcels', access: 'staff:registry.property_view', query: parcelQuery,
    columns: [
      ['cadastral_code', 'registry.export.col.cadastralCode'], ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'],
      ['area_m2', 'registry.export.col.area'], ['purpose', 'registry.export.col.purpose'], ['inside_settlement', 'registry.export.col.inside'],
      ['cadastral_value', 'registry.export.col.cadastralValue'], ['net_income', 'registry.export.col.netIncome'],
    ],
    rows: (ctx, f) => parcelExportRows(ctx.tenant(), scopeOf(ctx), f),
  } satisfies ExportDef<typeof parcelQuery>,
  {
    register: 'structures', access: 'staff:registry.property_view', query: structureQuery,
    columns: [
      ['cadastral_code', 'registry.export.col.cadastralCode'], ['kind', 'registry.export.col.kind'], ['parcel', 'registry.export.col.parcel'],
      ['address', 'registry.export.col.address'], ['unit', 'registry.export.col.unit'], ['area_m2', 'registry.export.col.area'],
      ['purpose', 'registry.export.col.purpose'], ['cadastral_value', 'registry.export.col.cadastralValue'], ['market_value', 'registry.export.col.marketValue'],
    ],
    rows: (ctx, f) => structureExportRows(ctx.tenant(), scopeOf(ctx), f),
  } satisfies ExportDef<typeof structureQuery>,
  {
    register: 'organizations', access: 'staff:registry.organizations_view', query: organizationQuery,
    columns: [
      ['tax_id', 'registry.export.col.taxId'], ['name', 'registry.export.col.name'], ['legal_form', 'registry.export.col.legalForm'],
      ['settlement', 'registry.export.col.settlement'], ['address', 'registry.export.col.address'], ['activity', 'registry.export.col.activity'],
      ['status', 'registry.export.col.status'], ['phone', 'registry.export.col.phone'], ['email', 'registry.export.col.email'],
    ],
    rows: (ctx, f) => organizationExportRows(ctx.tenant(), f),
  } satisfies ExportDef<typeof organizationQuery>,
  {
    register: 'assets', access: 'staff:registry.assets_view', query: assetQuery,
    columns: [
      ['name', 'registry.export.col.name'], ['kind', 'registry.export.col.kind'], ['object', 'registry.export.col.object'],
      ['book_value', 'registry.export.col.bookValue'], ['acquired_on', 'registry.export.col.acquiredOn'], ['lease_status', 'registry.export.col.leaseStatus'],
      ['tenant', 'registry.export.col.tenant'], ['rent', 'registry.export.col.rent'], ['rent_period', 'registry.export.col.rentPeriod'],
      ['lease_from', 'registry.export.col.leaseFrom'], ['lease_to', 'registry.export.col.leaseTo'],
    ],
    // A resident tenant is named only to roles that may see people, as on the pages.
    rows: (ctx, f) => assetExportRows(ctx.tenant(), f, todayInYerevan(), can(ctx, 'registry.people_view') ? null : ctx.t('registry.property.owner.resident')),
  } satisfies ExportDef<typeof assetQuery>,
] as ExportDef<z.ZodType>[];

export const exportRoutes: RouteDef[] = DEFS.flatMap((def) =>
  (['csv', 'xlsx'] as const).map((format) =>
    route({
      method: 'GET',
      url: `/:slug/staff/registry/${def.register}/export.${format}`,
      access: def.access,
      kind: 'page',
      schema: { params, querystring: def.query },
      handler: async (req, reply) => sendExport(req.ctx, reply, def, format, req.query),
    }),
  ),
);
