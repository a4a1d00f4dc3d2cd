// Route access levels (ARCHITECTURE rule 2) and the check that every request passes.
import type { PermissionDef, PermissionName, CommunityRole, NationalRole } from './roles.ts';

/**
 * public: anyone; citizen: any signed-in account; staff:<perm>: a role in the route's
 * community that grants the permission; national:<perm>: a national role granting it;
 * system: a national system administrator.
 */
export type Access = 'public' | 'citizen' | `staff:${PermissionName}` | `national:${PermissionName}` | 'system';

export interface Actor {
  userId: number;
  name: string;
  isStaff: boolean;
  nationalRoles: NationalRole[];
  /** Roles in the community of the current request (empty outside one). */
  communityRoles: CommunityRole[];
  /** For a settlement head: the settlements they are limited to; null means the whole community. */
  settlementIds: number[] | null;
  via: 'session' | 'token';
  /** The account's preferred language (a cookie, when set, wins). */
  locale: string;
}

export class PermissionRegistry {
  private readonly byName = new Map<string, PermissionDef>();

  constructor(defs: PermissionDef[]) {
    for (const d of defs) {
      if (this.byName.has(d.name)) throw new Error(`Permission ${d.name} is declared twice`);
      this.byName.set(d.name, d);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  all(): PermissionDef[] {
    return [...this.byName.values()];
  }

  /** Community permissions granted by a set of community roles. */
  communityPermissions(roles: readonly CommunityRole[]): Set<string> {
    const out = new Set<string>();
    for (const d of this.byName.values()) {
      if (d.scope === 'community' && d.roles.some((r) => (roles as readonly string[]).includes(r))) out.add(d.name);
    }
    return out;
  }

  nationalPermissions(roles: readonly NationalRole[]): Set<string> {
    const out = new Set<string>();
    for (const d of this.byName.values()) {
      if (d.scope === 'national' && d.roles.some((r) => (roles as readonly string[]).includes(r))) out.add(d.name);
    }
    return out;
  }

  /** Throws at start-up when an access level names an undeclared permission. */
  assertAccess(access: string, where: string): void {
    if (access === 'public' || access === 'citizen' || access === 'system') return;
    const m = /^(staff|national):(.+)$/.exec(access);
    if (!m) throw new Error(`${where}: unknown access level "${access}"`);
    const def = this.byName.get(m[2]!);
    if (!def) throw new Error(`${where}: access names undeclared permission ${m[2]}`);
    const want = m[1] === 'staff' ? 'community' : 'national';
    if (def.scope !== want) throw new Error(`${where}: ${m[2]} is a ${def.scope} permission, not ${want}`);
  }
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** Decides whether an actor may use a route. Community resolution happens before this. */
export function decide(access: Access, actor: Actor | null, registry: PermissionRegistry): Decision {
  if (access === 'public') return 'allow';
  if (!actor) return 'unauthenticated';
  if (access === 'citizen') return 'allow';
  if (access === 'system') return actor.nationalRoles.includes('system_admin') ? 'allow' : 'forbidden';
  const [kind, perm] = access.split(/:(.*)/s) as [string, string];
  if (kind === 'national') return registry.nationalPermissions(actor.nationalRoles).has(perm) ? 'allow' : 'forbidden';
  return registry.communityPermissions(actor.communityRoles).has(perm) ? 'allow' : 'forbidden';
}
