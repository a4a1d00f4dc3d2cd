// Notices of a year: each payer's notice registered once (its number is the payment
// reference), sent once per channel through the platform's outbox, and the mailing list
// for printing. Every read of payers' personal data and every sending is audited.
import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { notifyApplicant } from '../../../platform/notify/notify.ts';
import { formatAmd, formatDay, localized, translator } from '../../../platform/i18n/index.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import { noticePayers, payerKeyOf, type NoticePayer } from './notices.data.ts';
import { payUrl } from './notices.pdf.ts';

/** Registers the notices of these payers that are not registered yet; returns payer key → notice id. */
async function registerNotices(tx: TenantDb, year: number, payers: NoticePayer[]): Promise<Map<string, { id: number; email_sent_at: string | null; sms_sent_at: string | null }>> {
  const existing = await tx.selectFrom('fin_tax_notices').select(['id', 'payer_key', 'email_sent_at', 'sms_sent_at']).where('year', '=', year).execute();
  const out = new Map(existing.map((n) => [n.payer_key, n]));
  const now = new Date().toISOString();
  for (const p of payers) {
    const key = payerKeyOf(p.payerKind, p.payerId);
    if (out.has(key)) continue;
    const row = await tx.insertInto('fin_tax_notices', {
      year, payer_kind: p.payerKind, resident_id: p.payerKind === 'resident' ? p.payerId : null, organization_id: p.payerKind === 'organization' ? p.payerId : null,
      payer_key: key, number: p.number, email_sent_at: null, sms_sent_at: null, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    out.set(key, { id: row.id, payer_key: key, email_sent_at: null, sms_sent_at: null });
  }
  return out;
}

/**
 * Queues each payer's notice by e-mail and SMS where the register has an address, once per
 * payer and channel (a second sending skips what went out). Returns how many were queued.
 */
export async function sendNotices(db: Kysely<Database>, community: CommunityRow, actor: AuditActor, year: number, publicUrl: string): Promise<number> {
  const tdb = new TenantDb(db, community.id);
  const payers = await noticePayers(db, tdb, year);
  return tdb.transaction(async (tx, raw) => {
    const notices = await registerNotices(tx, year, payers);
    let queued = 0;
    const now = new Date().toISOString();
    for (const p of payers) {
      const n = notices.get(payerKeyOf(p.payerKind, p.payerId))!;
      const channels = [...(n.email_sent_at || !p.email ? [] : ['email' as const]), ...(n.sms_sent_at || !p.phone ? [] : ['sms' as const])];
      if (channels.length === 0) continue;
      const due = p.lines.map((l) => l.dueOn).filter((d): d is string => d !== null).sort()[0];
      const sent = await notifyApplicant(tx, {
        email: p.email, phone: p.phone, locale: p.locale, channels, key: 'finance.notice.mail',
        params: { community: localized(community, 'name', p.locale), name: p.name, year, total: formatAmd(p.total), due: due ? formatDay(due) : '—', number: p.number, url: payUrl(publicUrl) },
      });
      const set = { ...(sent.email ? { email_sent_at: now } : {}), ...(sent.sms ? { sms_sent_at: now } : {}) };
      if (Object.keys(set).length === 0) continue;
      await tx.updateTable('fin_tax_notices').set(set).where('id', '=', n.id).execute();
      queued++;
    }
    await appendAudit(raw, actor, { communityId: community.id, action: 'finance.notice.send', entityType: 'fin_tax_notice', after: { year, queued } });
    return queued;
  });
}

const MAILING_COLUMNS = ['number', 'name', 'identifier', 'address', 'total', 'due'] as const;

/** The payers of the year with their address, for printing and posting the notices. */
export async function mailingList(db: Kysely<Database>, tdb: TenantDb, actor: AuditActor, year: number, format: 'csv' | 'xlsx', locale: 'hy' | 'en' | 'ru'): Promise<Buffer | string> {
  const payers = await noticePayers(db, tdb, year);
  await tdb.transaction((_tx, raw) => appendAudit(raw, actor, { communityId: tdb.communityId, action: 'finance.notice.mailing_list', entityType: 'fin_tax_notice', after: { year, format, payers: payers.length } }));
  const t = translator(locale);
  const labels = {
    number: t('finance.notice.reference'), name: t('finance.notice.payer'), identifier: t('finance.notice.identifier'),
    address: t('finance.notice.address'), total: t('finance.notice.total'), due: t('finance.notice.due'),
  };
  const rows = payers.map((p) => ({
    number: p.number, name: p.name, identifier: p.identifier ?? '', address: p.address ?? '', total: p.total,
    due: p.lines.map((l) => l.dueOn).filter((d): d is string => d !== null).sort()[0] ?? '',
  }));
  if (format === 'csv') {
    const cell = (v: string | number) => (/[",\r\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    return `\uFEFF${[MAILING_COLUMNS.map((c) => cell(labels[c])).join(','), ...rows.map((r) => MAILING_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(String(year));
  ws.columns = MAILING_COLUMNS.map((c) => ({ header: labels[c], key: c, width: c === 'address' ? 40 : 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
