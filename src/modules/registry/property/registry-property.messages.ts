// Texts of the property register, organizations, community assets and the map. The parts
// live in property.i18n-*.ts (one per area) so that no file grows too long.
import { defineMessages } from '../../../platform/i18n/define.ts';
import { landTexts } from './property.i18n-land.ts';
import { ownerTexts } from './property.i18n-owners.ts';
import { orgTexts } from '../organizations/organizations.i18n.ts';
import { assetTexts } from '../assets/assets.i18n.ts';

export const registryPropertyMessages = defineMessages({
  hy: { ...landTexts.hy, ...ownerTexts.hy, ...orgTexts.hy, ...assetTexts.hy },
  en: { ...landTexts.en, ...ownerTexts.en, ...orgTexts.en, ...assetTexts.en },
  ru: { ...landTexts.ru, ...ownerTexts.ru, ...orgTexts.ru, ...assetTexts.ru },
});
