// The parts of a community's public home page that come from other modules: what the
// signed-in citizen has going on here (worklist), and every published section (services,
// performance, and whatever later modules publish), rendered alike without naming them.
import type { Ctx } from '../../platform/http/context.ts';
import type { PublishedSection } from '../../platform/module/publications.ts';
import type { WorkItem } from '../../platform/module/contract.ts';
import { formatNumber } from '../../platform/i18n/index.ts';

export function CitizenWork({ ctx, work }: { ctx: Ctx; work: WorkItem[] }) {
  const { t } = ctx;
  if (!ctx.actor) {
    return (
      <p class="lead-links">
        <a class="button button-primary" href={`/signin?next=${encodeURIComponent('/account/cases')}`}>{t('communities.home.myApplications')}</a>
      </p>
    );
  }
  return (
    <section aria-labelledby="my-affairs">
      <h2 id="my-affairs">{t('communities.home.yourAffairs')}</h2>
      {work.length === 0 ? (
        <p>{t('communities.home.noAffairs')}</p>
      ) : (
        <ul class="stats">
          {work.map((w) => (
            <li class={w.urgent ? 'stat stat-urgent' : 'stat'}>
              <a href={w.href}><span class="stat-value">{formatNumber(w.count, ctx.locale)}</span> {t(w.label)}</a>
            </li>
          ))}
        </ul>
      )}
      <p><a href="/account/cases">{t('communities.home.myApplications')}</a></p>
    </section>
  );
}

/** The first sentence, or the first 140 characters cut at a word: a teaser, the page has the rest. */
function teaser(text: string): string {
  const sentence = /^(.{20,160}?[.։!?])\s/u.exec(text)?.[1];
  if (sentence) return sentence;
  return text.length <= 160 ? text : `${text.slice(0, 140).replace(/\s+\S*$/u, '')}…`;
}

export function PublishedSections({ ctx, sections }: { ctx: Ctx; sections: PublishedSection[] }) {
  const { t } = ctx;
  const community = ctx.requireCommunity();
  return (
    <>
      {sections.filter((s) => s.items.length > 0).map((s) => {
        const id = `section-${s.publication.kind.replace(/\W/g, '-')}`;
        const more = s.publication.url?.(community);
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>{t(s.publication.label)}</h2>
            {s.items.length === 1 && s.items[0]!.title === t(s.publication.label) ? (
              <p>
                {s.items[0]!.summary} <a href={s.items[0]!.url}>{t('communities.home.readMore')}</a>
              </p>
            ) : (
              <ul class="published">
                {s.items.map((item) => (
                  <li lang={item.language === ctx.locale ? undefined : item.language}>
                    <a href={item.url}>{item.title}</a>
                    {item.summary && <p class="muted">{teaser(item.summary)}</p>}
                  </li>
                ))}
              </ul>
            )}
            {more && s.items.length > 1 && <p><a href={more}>{t('communities.home.seeAll', { section: t(s.publication.label) })}</a></p>}
          </section>
        );
      })}
    </>
  );
}
