// The due-date API and the national calendar editor.
import type { RouteDef } from '../http/route.ts';

export const calendarRoutes: RouteDef[] = [];
