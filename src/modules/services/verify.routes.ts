// /verify/{code} and document downloads.
import type { RouteDef } from '../../platform/http/route.ts';

export const verifyRoutes: RouteDef[] = [];
