import { defineMessages } from '../../platform/i18n/define.ts';

export const registryPopulationMessages = defineMessages({
  hy: { 'registry.population.title': 'population' },
  en: { 'registry.population.title': 'population' },
  ru: { 'registry.population.title': 'population' },
});
