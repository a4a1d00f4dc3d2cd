// The registers' providers for the back office's search box: people (any spelling, or a
// public service number), organizations (name or tax ID) and land parcels (cadastral code
// or address). Each reads through the same queries as its register's list, so it sees
// exactly what the list would show this person, and a people search is audited as one.
import type { SearchProvider } from '../../platform/module/contract.ts';
import { localized } from '../../platform/i18n/index.ts';
import { findPeople } from './population/residents.routes.ts';
import { listOrganizations } from './organizations/organizations.queries.ts';
import { addressText, listParcels } from './property/property.queries.ts';

const people: SearchProvider = {
  key: 'registry.people',
  label: 'registry.search.people',
  access: 'staff:registry.people_view',
  async search(scope, q, limit) {
    const found = await findPeople(scope, { q, page: 1 }, limit);
    const slug = scope.requireCommunity().slug;
    return found.rows.map((r) => ({
      title: [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' '),
      detail: [r.public_service_number, localized({ name_hy: r.settlement_hy, name_en: r.settlement_en, name_ru: r.settlement_ru }, 'name', scope.locale)].filter(Boolean).join(' · '),
      href: `/${slug}/staff/registry/residents/${r.id}`,
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
      detail: [addressText(p), localized({ name_hy: p.settlement_hy ?? '', name_en: p.settlement_en ?? '', name_ru: p.settlement_ru ?? '' }, 'name', scope.locale)].filter(Boolean).join(' · '),
      href: `/${slug}/staff/registry/parcels/${p.id}`,
    }));
  },
};

export const registrySearch: SearchProvider[] = [people, organizations, parcels];
