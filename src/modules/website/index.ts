// The community's public website: home, news, announcements, events, staff-edited pages and
// menus, about the community and its settlements, the staff directory; feeds, sitemap,
// robots.txt, iCalendar, search; and the legal-compliance check per community and nationally.
// What other modules contribute to the site arrives through their publications only.
import type { ModuleManifest, TableList } from '../../platform/module/contract.ts';
import { auditEventTypes, auditSubjects } from '../../platform/audit/audit-names.ts';
import { TenantDb } from '../../platform/db/tenant.ts';
import type { WebsiteTables } from './website.table.ts';
import { websiteMigrations } from './migrations/index.ts';
import { websiteMessageParts } from './messages.ts';
import { websiteAuditMessages } from './website.audit.messages.ts';
import { publicRoutes } from './public.routes.ts';
import { feedsRoutes } from './feeds.routes.ts';
import { staffRoutes } from './staff.routes.ts';
import { menuRoutes } from './menu.routes.ts';
import { complianceRoutes } from './compliance.routes.ts';

export const websiteModule: ModuleManifest = {
  name: 'website',
  title: 'website.module',
  messages: websiteMessageParts,
  auditEvents: auditEventTypes(websiteAuditMessages),
  auditSubjects: auditSubjects(websiteAuditMessages, {
    web_post: {
      async name(services, communityId, ids) {
        const wanted = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
        if (wanted.length === 0) return new Map();
        const rows = await new TenantDb(services.db.kysely, communityId).selectFrom('web_posts').select(['id', 'title_hy']).where('id', 'in', wanted).execute();
        return new Map(rows.map((r) => [String(r.id), r.title_hy]));
      },
      href: (slug, id) => `/${slug}/staff/website/posts/${id}/preview`,
    },
  }),
  tables: { web_posts: true, web_attachments: true, web_menu_items: true } satisfies TableList<WebsiteTables>,
  fileRefs: [{ table: 'web_posts', column: 'image_sha256' }, { table: 'web_attachments', column: 'sha256' }],
  migrations: websiteMigrations,
  routes: [...publicRoutes, ...feedsRoutes, ...staffRoutes, ...menuRoutes, ...complianceRoutes],
  permissions: [
    { name: 'website.view', scope: 'community', roles: ['head', 'deputy_head', 'chief_of_staff', 'specialist', 'it_admin'] },
    // Writing drafts, pictures, attachments and the menu.
    { name: 'website.edit', scope: 'community', roles: ['chief_of_staff', 'specialist', 'it_admin'] },
    // Putting on the site in the community's name: the head and the chief of staff answer for it.
    { name: 'website.publish', scope: 'community', roles: ['chief_of_staff', 'head'] },
  ],
  nav: [
    { area: 'backoffice', path: '/website', label: 'website.nav.backoffice', access: 'staff:website.view', order: 960 },
    { area: 'backoffice', path: '/website/compliance', label: 'website.nav.compliance', access: 'staff:website.view', order: 965 },
    { area: 'national', path: '/website-compliance', label: 'website.nav.national', access: 'national:national.view', order: 40 },
  ],
};
