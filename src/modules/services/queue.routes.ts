// The Citizen Office queue.
import type { RouteDef } from '../../platform/http/route.ts';

export const queueRoutes: RouteDef[] = [];
