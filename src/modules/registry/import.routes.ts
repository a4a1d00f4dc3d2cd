import type { RouteDef } from '../../platform/http/route.ts';

export const importRoutes: RouteDef[] = [];
