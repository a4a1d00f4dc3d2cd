// Who hears about a case event: the applicant by email and SMS (in their language, queued
// in the outbox in the same transaction), and the assigned staff member in the back office.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { notifyApplicant } from '../../../platform/notify/notify.ts';
import { addNotice } from '../../../platform/notify/notices.ts';
import type { NotificationKey } from '../../../platform/notify/render.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { CaseEventKind } from '../services.table.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';
import type { CaseEnv, CaseRow } from './case-env.ts';

/** Events the applicant is told about, and the notification of each. */
const APPLICANT_MESSAGES: Partial<Record<CaseEventKind, NotificationKey>> = {
  submitted: 'services.notify.submitted',
  registered: 'services.notify.registered',
  info_requested: 'services.notify.infoRequested',
  approved: 'services.notify.approved',
  rejected: 'services.notify.rejected',
  message: 'services.notify.message',
};

/** Events the assignee is told about in the back office. */
const STAFF_NOTICES: Partial<Record<CaseEventKind, MessageKey>> = {
  assigned: 'services.notice.assigned',
  resumed: 'services.notice.resumed',
  withdrawn: 'services.notice.withdrawn',
};

export async function notifyCaseEvent(tx: TenantDb, env: CaseEnv, c: CaseRow, spec: ServiceSpec, kind: CaseEventKind): Promise<void> {
  const number = c.reg_number ?? `#${c.id}`;
  const community = { hy: env.community.name_hy, en: env.community.name_en, ru: env.community.name_ru };
  const url = `${env.services.config.publicUrl}/${env.community.slug}/cases/${c.id}`;

  const key = APPLICANT_MESSAGES[kind];
  // The applicant's own actions (submitting online, answering) need no mail to themselves.
  const byApplicant = env.actor.userId !== null && env.actor.userId === c.applicant_user_id;
  if (key && !byApplicant) {
    await notifyApplicant(tx, {
      userId: c.applicant_user_id, email: c.applicant_email, phone: c.applicant_phone, locale: c.applicant_locale,
      key, params: { number, service: spec.name, community, url },
    });
  }

  const notice = STAFF_NOTICES[kind];
  if (notice && c.assignee_user_id !== null && c.assignee_user_id !== env.actor.userId) {
    await addNotice(tx, { userId: c.assignee_user_id, key: notice, params: { number, service: spec.name }, link: `/staff/cases/${c.id}` });
  }
}
