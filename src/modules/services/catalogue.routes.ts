// The service catalogue.
import type { RouteDef } from '../../platform/http/route.ts';

export const catalogueRoutes: RouteDef[] = [];
