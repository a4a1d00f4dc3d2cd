// Exports of the residents list, with its filters and search, as CSV (UTF-8 with BOM, so
// spreadsheet programs read Armenian) or XLSX. Every export is audited (personal data).
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { route } from '../../platform/http/route.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { todayInYerevan } from '../../platform/i18n/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { residentsQuery } from './population.schemas.ts';
import { listResidents, type ResidentRow } from './residents.queries.ts';
import { searchResidents } from './people-search.ts';
import { residentAddress, sexKey, statusKey } from './residents.views.tsx';

const MAX_ROWS = 100_000;
const exportParams = z.object({ slug: z.string(), format: z.enum(['csv', 'xlsx']) });

function table(ctx: Ctx, rows: ResidentRow[]): string[][] {
  const { t } = ctx;
  const header = [
    'id', t('registry.population.field.lastName'), t('registry.population.field.firstName'), t('registry.population.field.patronymic'),
    t('registry.population.field.lastNameLatin'), t('registry.population.field.firstNameLatin'), t('registry.population.field.birthDate'),
    t('registry.population.field.sex'), t('registry.population.field.psn'), t('registry.population.field.address'), t('registry.population.field.status'),
  ];
  return [header, ...rows.map((r) => [
    String(r.id), r.last_name, r.first_name, r.patronymic ?? '', r.last_name_latin, r.first_name_latin, r.birth_date,
    t(sexKey(r.sex)), r.public_service_number ?? '', residentAddress(ctx, r), t(statusKey(r.status)),
  ])];
}

/** A cell that a spreadsheet would run as a formula is written as text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
export function toCsv(cells: string[][]): string {
  return `\ufeff${cells.map((row) => row.map((v) => `"${safe(v).replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}

export const residentsExportRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/residents/export/:format',
    access: 'staff:registry.people_view',
    kind: 'page',
    schema: { params: exportParams, querystring: residentsQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const scope = ctx.actor?.settlementIds ?? null;
      const { page: _page, done: _done, ...filters } = req.query;
      const q = filters.q?.replace(/\p{Cc}/gu, ' ').trim();
      const today = todayInYerevan();
      const found = q
        ? await searchResidents(tenant, scope, q, { filters, today, limit: MAX_ROWS, offset: 0 })
        : await listResidents(tenant, scope, filters, today, MAX_ROWS, 0);
      await tenant.transaction((scoped, tx) =>
        appendAudit(tx, ctx.auditActor(), {
          communityId: scoped.communityId, action: 'resident.export', entityType: 'resident', entityId: null,
          after: { format: req.params.format, filters: { ...filters, q }, count: found.rows.length },
        }),
      );
      const cells = table(ctx, found.rows);
      const name = `residents-${ctx.requireCommunity().slug}-${today}`;
      if (req.params.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(cells));
      }
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(ctx.t('registry.population.residents.title'));
      sheet.addRows(cells);
      sheet.getRow(1).font = { bold: true };
      const buf = Buffer.from(await book.xlsx.writeBuffer());
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buf);
    },
  }),
];
