// The Citizen Office queue: the public ticket screen, tickets and hall display; the
// operator windows; the windows set-up and the office statistics.
import type { RouteDef } from '../../../platform/http/route.ts';
import { queuePublicRoutes } from './queue.public.routes.ts';
import { queueStaffRoutes } from './queue.staff.routes.ts';
import { queueManageRoutes } from './queue.manage.routes.ts';

export const queueRoutes: RouteDef[] = [...queuePublicRoutes, ...queueStaffRoutes, ...queueManageRoutes];
