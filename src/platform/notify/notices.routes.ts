// In-app notices for staff.
import type { RouteDef } from '../http/route.ts';

export const noticeRoutes: RouteDef[] = [];
