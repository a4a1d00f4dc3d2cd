// The public service performance page.
import type { RouteDef } from '../../platform/http/route.ts';

export const performanceRoutes: RouteDef[] = [];
