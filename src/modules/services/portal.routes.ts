// The citizen portal.
import type { RouteDef } from '../../platform/http/route.ts';

export const portalRoutes: RouteDef[] = [];
