// The registers' providers for the back office's search box: people (any spelling, or a
// public service number), organizations (name or tax ID) and land parcels (cadastral code
// or address). Each reads through the same queries as its register's list, so it sees
// exactly what the list would show this person, and a people search is audited as one.
import type { SearchProvider } from '../../platform/module/contract.ts';
import { localized, type Locale } from '../../platform/i18n/index.ts';
import { findPeople } from './population/residents.routes.ts';
import { listOrganizations } from './organizations/organizations.queries.ts';
import { addressText, listParcels } from './property/property.queries.ts';
import { searchAddresses } from './addresses/addresses.service.ts';

/** A name kept in three spellings (`<x>_hy`, `<x>_en`, `<x>_ru` columns) in the reader's language. */
function named(hy: string | null, en: string | null, ru: string | null, locale: Locale): string {
  return localized({ name_hy: hy ?? '', name_en: en ?? '', name_ru: ru ?? '' }, 'name', locale);
}

const people: SearchProvider = {
  key: 'registry.people',
  label: 'registry.search.people',
  access: 'staff:registry.people_view',
  async search(scope, q, limit) {
    const found = await findPeople(scope, { q, page: 1 }, limit);
    const slug = scope.requireCommunity().slug;
    return found.rows.map((r) => ({
      title: [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' '),
      detail: [r.public_service_number, named(r.settlement_hy, r.settlement_en, r.settlement_ru, scope.locale)].filter(Boolean).join(' · '),
      href: `/${slug}/staff/registry/residents/${r.id}`,
    }));
  },
};

const addresses: SearchProvider = {
  key: 'registry.addresses',
  label: 'registry.search.addresses',
  access: 'staff:registry.people_view',
  async search(scope, q, limit) {
    const rows = await searchAddresses(scope.tenant(), q, limit);
    const slug = scope.requireCommunity().slug;
    return rows.map((a) => ({
      title: [named(a.street_hy, a.street_en, a.street_ru, scope.locale), a.number].filter(Boolean).join(' '),
      detail: named(a.settlement_hy, a.settlement_en, a.settlement_ru, scope.locale),
      href: `/${slug}/staff/registry/addresses/${a.id}`,
    }));
  },
};

const organizations: SearchProvider = {
  key: 'registry.organizations',
  label: 'registry.search.organizations',
  access: 'staff:registry.organizations_view',
  async search(scope, q, limit) {
    const { rows } = await listOrganizations(scope.tenant(), { q }, 1, limit);
    const slug = scope.requireCommunity().slug;
    return rows.map((o) => ({ title: o.name, detail: o.tax_id, href: `/${slug}/staff/registry/organizations/${o.id}` }));
  },
};

const parcels: SearchProvider = {
  key: 'registry.parcels',
  label: 'registry.search.parcels',
  access: 'staff:registry.property_view',
  async search(scope, q, limit) {
    const { rows } = await listParcels(scope.tenant(), scope.actor?.settlementIds ?? null, { q }, 1, limit);
    const slug = scope.requireCommunity().slug;
    return rows.map((p) => ({
      title: p.cadastral_code,
      detail: [addressText(p), named(p.settlement_hy, p.settlement_en, p.settlement_ru, scope.locale)].filter(Boolean).join(' · '),
      href: `/${slug}/staff/registry/parcels/${p.id}`,
    }));
  },
};

export const registrySearch: SearchProvider[] = [people, addresses, organizations, parcels];
