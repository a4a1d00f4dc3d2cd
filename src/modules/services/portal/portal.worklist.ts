// What a signed-in citizen sees of their own applications on the community's home page:
// drafts to finish, applications waiting for them (more information asked), in progress,
// and decided; each links to "My applications". One grouped count, this community only.
import { sql } from 'kysely';
import type { WorkItem, WorkProvider } from '../../../platform/module/contract.ts';

export const myApplicationsWork: WorkProvider = {
  key: 'services.my_applications',
  audience: 'citizen',
  access: 'citizen',
  async items(scope) {
    const userId = scope.actor?.userId;
    if (!userId) return [];
    const bucket = sql<string>`case
      when cases.state = 'draft' then 'draft'
      when cases.paused_at is not null then 'waiting'
      when cases.decided_at is null and cases.state <> 'withdrawn' then 'progress'
      else 'done' end`;
    const rows = await scope.tenant().selectFrom('cases')
      .select([bucket.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('cases.applicant_user_id', '=', userId)
      .groupBy(bucket)
      .execute();
    const count = new Map(rows.map((r) => [r.bucket, Number(r.n)]));
    const href = '/account/cases';
    const items: WorkItem[] = [
      { label: 'services.myWork.waiting', count: count.get('waiting') ?? 0, href, urgent: true },
      { label: 'services.myWork.drafts', count: count.get('draft') ?? 0, href },
      { label: 'services.myWork.progress', count: count.get('progress') ?? 0, href },
      { label: 'services.myWork.done', count: count.get('done') ?? 0, href },
    ];
    return items.filter((i) => i.count > 0);
  },
};
