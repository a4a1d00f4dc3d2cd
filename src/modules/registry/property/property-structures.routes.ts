// Buildings and apartments: list, record, create and edit (/:slug/staff/registry/structures…).
import { structureForm, structureListQuery, structureParams } from './property.schemas.ts';
import { findStructure, listStructures } from './property.queries.ts';
import { saveStructure } from './property.service.ts';
import { StructureListPage } from './property.views.tsx';
import { StructurePage } from './property-record.views.tsx';
import { StructureFormPage } from './property-forms.views.tsx';
import { rowValues } from '../registry.http.ts';
import { objectRoutes } from './property-object.routes.ts';

const STRUCTURE_FIELDS = ['kind', 'cadastral_code', 'parcel_code', 'address_id', 'area_m2', 'purpose', 'cadastral_value', 'market_value', 'lat', 'lon'];

export const structureRoutes = objectRoutes('structures', {
  idParam: 'structureId',
  params: structureParams,
  listQuery: structureListQuery,
  form: structureForm,
  list: listStructures,
  find: findStructure,
  save: saveStructure,
  ListPage: StructureListPage,
  RecordPage: StructurePage,
  FormPage: StructureFormPage,
  newValues: { kind: 'building' },
  editValues: (row) => ({ ...rowValues(row, STRUCTURE_FIELDS), unit: row.unit_number ?? '' }),
});
