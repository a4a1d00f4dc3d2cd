import type { Generated } from 'kysely';

/** Reference data: the 10 marzes and Yerevan. */
export interface MarzesTable {
  id: string;
  name_hy: string;
  name_en: string;
  name_ru: string;
  sort: number;
}

/** The tenant. */
export interface CommunitiesTable {
  id: Generated<number>;
  slug: string;
  marz_id: string;
  name_hy: string;
  name_en: string;
  name_ru: string;
  phone: string | null;
  email: string | null;
  address_hy: string | null;
  address_en: string | null;
  address_ru: string | null;
  reception_hours_hy: string | null;
  reception_hours_en: string | null;
  reception_hours_ru: string | null;
  /** An SVG document drawn or uploaded for the community; served at /{slug}/coat-of-arms.svg. */
  coat_of_arms_svg: string | null;
  color_primary: string;
  color_accent: string;
  created_at: string;
  updated_at: string;
}

export interface SettlementsTable {
  id: Generated<number>;
  community_id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
  kind: 'town' | 'village';
  postcode: string | null;
  /** The settlement the community is named after. */
  is_centre: number;
  created_at: string;
}

export interface CommunityDomainsTable {
  id: Generated<number>;
  community_id: number;
  host: string;
  created_at: string;
}

/** The communities module's tables, for the composed Database type (src/modules/types.ts). */
export interface CommunitiesTables {
  marzes: MarzesTable;
  communities: CommunitiesTable;
  settlements: SettlementsTable;
  community_domains: CommunityDomainsTable;
}
