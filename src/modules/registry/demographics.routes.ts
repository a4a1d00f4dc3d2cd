import type { RouteDef } from '../../platform/http/route.ts';

export const demographicsRoutes: RouteDef[] = [];
