// Land parcels: list, record, create and edit (/:slug/staff/registry/parcels…).
import { parcelForm, parcelListQuery, parcelParams } from './property.schemas.ts';
import { findParcel, listParcels } from './property.queries.ts';
import { saveParcel } from './property.service.ts';
import { ParcelListPage } from './property.views.tsx';
import { ParcelPage } from './property-record.views.tsx';
import { ParcelFormPage } from './property-forms.views.tsx';
import { rowValues } from '../registry.http.ts';
import { objectRoutes } from './property-object.routes.ts';

const PARCEL_FIELDS = ['cadastral_code', 'settlement_id', 'address_id', 'area_m2', 'purpose', 'inside_settlement', 'cadastral_value', 'net_income', 'lat', 'lon'];

export const parcelRoutes = objectRoutes('parcels', {
  idParam: 'parcelId',
  params: parcelParams,
  listQuery: parcelListQuery,
  form: parcelForm,
  list: listParcels,
  find: findParcel,
  save: saveParcel,
  ListPage: ParcelListPage,
  RecordPage: ParcelPage,
  FormPage: ParcelFormPage,
  newValues: { inside_settlement: '1' },
  editValues: (row) => rowValues(row, PARCEL_FIELDS),
});
