// The front desk: applying on a citizen's behalf.
import type { RouteDef } from '../../platform/http/route.ts';

export const deskRoutes: RouteDef[] = [];
