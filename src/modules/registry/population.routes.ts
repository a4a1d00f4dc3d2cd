// All routes of the population register, the gazetteer and the portal's record views.
import type { RouteDef } from '../../platform/http/route.ts';
import { residentsApiRoutes, residentsRoutes } from './residents.routes.ts';
import { householdsRoutes } from './households.routes.tsx';
import { portalRoutes } from './portal.routes.tsx';
import { addressesRoutes } from './addresses.routes.tsx';
import { residentsExportRoutes } from './residents.export.ts';

export const populationRoutes: RouteDef[] = [...residentsExportRoutes, ...residentsRoutes, ...residentsApiRoutes, ...householdsRoutes, ...addressesRoutes, ...portalRoutes];
