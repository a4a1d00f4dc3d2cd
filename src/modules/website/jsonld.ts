// schema.org descriptions of the site's things, as JSON-LD (the layout puts them in <head>).
import type { TenantCommunity } from '../../platform/http/tenancy.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { localized } from '../../platform/i18n/index.ts';
import type { PublishedItem } from '../../platform/module/contract.ts';
import type { Post } from './posts.queries.ts';
import { pick, summaryOf } from './present.ts';
import { absolute, imagePath, sitePath } from './site-urls.ts';

export function organizationLd(base: string, c: TenantCommunity, locale: Locale) {
  const address = localized(c, 'address', locale);
  const hours = localized(c, 'reception_hours', locale);
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': absolute(base, `${sitePath(c, '')}#organization`),
    name: localized(c, 'name', locale),
    alternateName: [c.name_hy, c.name_en, c.name_ru].filter((n) => n !== localized(c, 'name', locale)),
    url: absolute(base, sitePath(c, '')),
    ...(c.coat_of_arms_svg ? { logo: absolute(base, `/${c.slug}/coat-of-arms.svg`) } : {}),
    ...(c.phone ? { telephone: c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(address ? { address: { '@type': 'PostalAddress', streetAddress: address, addressCountry: 'AM' } } : {}),
    ...(hours ? { description: hours } : {}),
    areaServed: { '@type': 'AdministrativeArea', name: localized(c, 'name', locale) },
  };
}

export function newsArticleLd(base: string, c: TenantCommunity, post: Post, locale: Locale, url: string) {
  const title = pick(post, 'title', locale);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title.text,
    inLanguage: title.lang,
    datePublished: post.publish_at,
    dateModified: post.updated_at,
    description: summaryOf(post, locale).text,
    mainEntityOfPage: absolute(base, url),
    ...(post.image_sha256 ? { image: absolute(base, imagePath(c, post)) } : {}),
    publisher: { '@id': absolute(base, `${sitePath(c, '')}#organization`), '@type': 'GovernmentOrganization', name: localized(c, 'name', locale) },
  };
}

export function eventLd(base: string, c: TenantCommunity, post: Post, locale: Locale, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: pick(post, 'title', locale).text,
    startDate: post.starts_at,
    ...(post.ends_at ? { endDate: post.ends_at } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: post.place_hy ?? localized(c, 'name', locale), address: { '@type': 'PostalAddress', addressLocality: localized(c, 'name', locale), addressCountry: 'AM' } },
    description: summaryOf(post, locale).text,
    url: absolute(base, url),
    organizer: { '@type': 'GovernmentOrganization', name: localized(c, 'name', locale), url: absolute(base, sitePath(c, '')) },
  };
}

/** A published service of the catalogue (publication kind `*.catalogue`). */
export function serviceLd(base: string, c: TenantCommunity, item: PublishedItem, locale: Locale) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: item.title,
    ...(item.summary ? { description: item.summary } : {}),
    url: absolute(base, item.url),
    provider: { '@type': 'GovernmentOrganization', name: localized(c, 'name', locale) },
    areaServed: { '@type': 'AdministrativeArea', name: localized(c, 'name', locale) },
  };
}
