// Every message catalogue of the website module, for its manifest and the key types.
import { websiteMessages } from './website.messages.ts';
import { websiteStaffMessages } from './website.staff.messages.ts';
import { websiteAuditMessages } from './website.audit.messages.ts';

export const websiteMessageParts = [websiteMessages, websiteStaffMessages, websiteAuditMessages] as const;
