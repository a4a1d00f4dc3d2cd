// The staff inbox, the case page and workflow actions.
import type { RouteDef } from '../../platform/http/route.ts';

export const caseRoutes: RouteDef[] = [];
