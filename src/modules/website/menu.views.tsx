// The site's menu as staff arrange it: items in order, each a path on the site or an https link.
import type { Ctx } from '../../platform/http/context.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, TextInput, type FormState } from '../../platform/ui/components.tsx';
import type { MenuItem } from './posts.queries.ts';
import { staffBase } from './staff.views.tsx';

export function MenuPage({ ctx, items, form }: { ctx: Ctx; items: MenuItem[]; form: FormState }) {
  const { t } = ctx;
  const base = staffBase(ctx);
  const labels = { label_hy: t('website.menu.label_hy'), label_en: t('website.menu.label_en'), label_ru: t('website.menu.label_ru'), href: t('website.menu.href'), sort_order: t('website.menu.order') };
  return (
    <StaffLayout ctx={ctx} title={t('website.menu.title')} path={`${base}/menu`} crumbs={[{ href: base, label: t('website.staff.title') }, { label: t('website.menu.title') }]}>
      <h1>{t('website.menu.title')}</h1>
      <p>{t('website.menu.intro')}</p>
      {items.length === 0 ? <p>{t('website.menu.empty')}</p> : (
        <ol>
          {items.map((m) => (
            <li>
              <form method="post" action={`${base}/menu/${m.id}/delete`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <span lang="hy">{m.label_hy}</span> <span class="muted">{m.href} · {m.sort_order}</span>{' '}
                <button type="submit" class="link-button">{t('website.menu.remove')}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
      <h2>{t('website.menu.add')}</h2>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${base}/menu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="label_hy" label={labels.label_hy} required width="m" />
        <TextInput form={form} name="label_en" label={labels.label_en} optional width="m" />
        <TextInput form={form} name="label_ru" label={labels.label_ru} optional width="m" />
        <TextInput form={form} name="href" label={labels.href} hint={t('website.menu.hrefHint')} required />
        <TextInput form={form} name="sort_order" label={labels.sort_order} type="number" width="s" value={form.values?.sort_order ?? String((items.length + 1) * 10)} />
        <Button>{t('website.menu.add')}</Button>
      </form>
    </StaffLayout>
  );
}
