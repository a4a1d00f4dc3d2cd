// The service templates shipped with the system: a community's catalogue is installed
// from these (catalogue.service.ts installTemplates, `mmis services install`) and then
// edited by its IT administrator. The catalogue's initial order is by group (in the order
// of SERVICE_GROUPS, as the front desk's queue lists them), then as listed here.
import { SERVICE_GROUPS } from '../catalogue/spec.ts';
import { certificateTemplates } from './certificates.ts';
import { constructionTemplates } from './construction.ts';
import { landTemplates } from './land.ts';
import { licenceTemplates } from './licences.ts';
import { peopleTemplates } from './people.ts';
import { requestTemplates } from './requests.ts';
import type { ServiceTemplate } from './build.ts';

export type { ServiceTemplate, SpecInput } from './build.ts';

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  ...certificateTemplates,
  ...constructionTemplates,
  ...landTemplates,
  ...licenceTemplates,
  ...peopleTemplates,
  ...requestTemplates,
].sort((a, b) => SERVICE_GROUPS.indexOf(a.group) - SERVICE_GROUPS.indexOf(b.group));

export function findTemplate(code: string): ServiceTemplate | undefined {
  return SERVICE_TEMPLATES.find((t) => t.code === code);
}
