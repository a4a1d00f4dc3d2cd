// All routes of the population register, the gazetteer and the portal's record views.
import type { RouteDef } from '../../../platform/http/route.ts';
import { residentsApiRoutes, residentsRoutes } from './residents.routes.ts';
import { householdsRoutes } from './households.routes.tsx';
import { portalRoutes } from './record-views.routes.tsx';
import { addressesRoutes } from '../addresses/addresses.routes.tsx';

export const populationRoutes: RouteDef[] = [...residentsRoutes, ...residentsApiRoutes, ...householdsRoutes, ...addressesRoutes, ...portalRoutes];
