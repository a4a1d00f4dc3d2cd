// The property register, organizations, community assets and leases, and the map.
import type { RouteDef } from '../../../platform/http/route.ts';
import { parcelRoutes } from './property-parcels.routes.ts';
import { structureRoutes } from './property-structures.routes.ts';
import { ownerRoutes } from './property-owners.routes.ts';
import { organizationRoutes } from '../organizations/organizations.routes.ts';
import { assetRoutes } from '../assets/assets.routes.ts';
import { mapRoutes } from './map.routes.ts';

export const propertyRoutes: RouteDef[] = [...parcelRoutes, ...structureRoutes, ...ownerRoutes, ...organizationRoutes, ...assetRoutes, ...mapRoutes];
