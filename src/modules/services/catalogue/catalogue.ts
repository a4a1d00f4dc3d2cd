// What the rest of the services module uses of the catalogue: loading services and their
// versions, changing them, and showing their terms. Import from here, not the parts.
export {
  getService, getServiceVersion, listServices, type Service, type ServiceStatus, type ServiceVersion,
} from './catalogue.queries.ts';
export {
  copyService, createServiceFromScratch, installTemplates, saveServiceVersion, setServiceStatus,
} from './catalogue.service.ts';
export { checkSpec, InvalidSpec, type SpecIssue } from './catalogue.validate.ts';
export {
  appliesAtOffice, appliesOnline, applicantsText, channelsText, deadlineText, feeExplanation, feeSummary, groupLabel,
} from './catalogue.display.ts';
export { SERVICE_TEMPLATES, findTemplate } from '../templates/index.ts';
