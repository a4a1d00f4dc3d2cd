// The signed-in person's own work across modules (manifest `worklist`): staff on the
// dashboard, citizens on their community's home page. Only providers they may use are asked.
import { decide } from '../policy/access.ts';
import type { RequestScope, WorkItem, WorkProvider } from './contract.ts';

export function allowedWorkProviders(scope: Pick<RequestScope, 'services' | 'actor'>, audience: WorkProvider['audience']): WorkProvider[] {
  return scope.services.modules
    .flatMap((m) => m.worklist ?? [])
    .filter((p) => p.audience === audience && decide(p.access, scope.actor, scope.services.permissions) === 'allow');
}

/** Every item of every allowed provider, urgent ones first (otherwise in module order). */
export async function workOf(scope: RequestScope, audience: WorkProvider['audience']): Promise<WorkItem[]> {
  if (!scope.actor) return [];
  const lists = await Promise.all(allowedWorkProviders(scope, audience).map((p) => p.items(scope)));
  return lists.flat().sort((a, b) => Number(b.urgent ?? false) - Number(a.urgent ?? false));
}
