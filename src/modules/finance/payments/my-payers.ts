// Who the signed-in person pays for: the residents of any community whose public service
// number is the one verified on their account, and the organizations whose representative
// they are (fin_org_representatives: the registers themselves link no account to an
// organization). Joint co-ownership is not looked up here: an obligation of a co-owner is
// the assessment's (obligationsAsCoOwner), which does not exist yet.
import type { Executor } from '../../../platform/db/tenant.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import type { PayerRef } from './ledger-api.ts';

export interface MyPayer {
  communityId: number;
  slug: string;
  communityName: { name_hy: string; name_en: string; name_ru: string };
  payer: PayerRef;
  name: string;
  identifier: string | null;
  asRepresentative: boolean;
}

export async function myPayers(db: Executor, userId: number, communityId?: number): Promise<MyPayer[]> {
  const u = unscoped(db, 'a citizen finds the payer records that are theirs in every community');
  const user = await u.selectFrom('users').select('verified_psn').where('id', '=', userId).executeTakeFirst();
  const out: MyPayer[] = [];
  if (user?.verified_psn) {
    let q = u.selectFrom('residents').innerJoin('communities', 'communities.id', 'residents.community_id')
      .select(['residents.id', 'residents.community_id', 'residents.last_name', 'residents.first_name', 'residents.patronymic', 'residents.public_service_number',
        'communities.slug', 'communities.name_hy', 'communities.name_en', 'communities.name_ru'])
      .where('residents.public_service_number', '=', user.verified_psn);
    if (communityId !== undefined) q = q.where('residents.community_id', '=', communityId);
    for (const r of await q.orderBy('communities.slug').orderBy('residents.id').execute()) {
      out.push({
        communityId: r.community_id, slug: r.slug, communityName: r, payer: { kind: 'resident', residentId: r.id },
        name: [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' '), identifier: r.public_service_number, asRepresentative: false,
      });
    }
  }
  let o = u.selectFrom('fin_org_representatives')
    .innerJoin('organizations', (j) => j.onRef('organizations.id', '=', 'fin_org_representatives.organization_id').onRef('organizations.community_id', '=', 'fin_org_representatives.community_id'))
    .innerJoin('communities', 'communities.id', 'organizations.community_id')
    .select(['organizations.id', 'organizations.community_id', 'organizations.name', 'organizations.tax_id', 'communities.slug', 'communities.name_hy', 'communities.name_en', 'communities.name_ru'])
    .where('fin_org_representatives.user_id', '=', userId);
  if (communityId !== undefined) o = o.where('organizations.community_id', '=', communityId);
  for (const r of await o.orderBy('communities.slug').orderBy('organizations.id').execute()) {
    out.push({ communityId: r.community_id, slug: r.slug, communityName: r, payer: { kind: 'organization', organizationId: r.id }, name: r.name, identifier: r.tax_id, asRepresentative: true });
  }
  return out;
}

/** The person's payer in this community named by `key` ("r12", "o7"), or null. */
export async function myPayerHere(db: Executor, userId: number, communityId: number, key: string): Promise<MyPayer | null> {
  const mine = await myPayers(db, userId, communityId);
  return mine.find((m) => (m.payer.kind === 'resident' ? `r${m.payer.residentId}` : `o${m.payer.organizationId}`) === key) ?? null;
}
