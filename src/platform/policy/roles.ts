// The roles a person can hold. Community roles are assigned per community (and, for
// the administrative head of a settlement, per settlement); national roles are held
// across the country and see aggregates, not community rows.
export const COMMUNITY_ROLES = [
  'head',
  'deputy_head',
  'chief_of_staff',
  'specialist',
  'operator',
  'settlement_head',
  'council_member',
  'accountant',
  'it_admin',
] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

export const NATIONAL_ROLES = ['ministry_analyst', 'system_admin'] as const;
export type NationalRole = (typeof NATIONAL_ROLES)[number];

export function isCommunityRole(v: unknown): v is CommunityRole {
  return typeof v === 'string' && (COMMUNITY_ROLES as readonly string[]).includes(v);
}
export function isNationalRole(v: unknown): v is NationalRole {
  return typeof v === 'string' && (NATIONAL_ROLES as readonly string[]).includes(v);
}

/** A permission is `module.action`, declared by the module that owns it. */
export type PermissionName = `${string}.${string}`;

export interface PermissionDef {
  name: PermissionName;
  /** Community roles granted it, or national roles for national permissions. */
  roles: readonly (CommunityRole | NationalRole)[];
  scope: 'community' | 'national';
}
