import type { Ctx } from '../http/context.ts';
import type { FieldErrors } from '../http/errors.ts';
import { Layout } from './layout.tsx';

/** `withoutQuery`: for a page refused for its query, the same page without one. */
export function ErrorPage({ ctx, status, message, fields, withoutQuery }: { ctx: Ctx; status: number; message: string; fields: FieldErrors; withoutQuery?: string }) {
  const list = Object.entries(fields);
  return (
    <Layout ctx={ctx} title={message}>
      <h1>{message}</h1>
      <p class="muted">{ctx.t('error.title')} {status}</p>
      {list.length > 0 && (
        <ul>
          {list.map(([name, key]) => (
            <li>
              <code>{name}</code>: {ctx.t(key)}
            </li>
          ))}
        </ul>
      )}
      {withoutQuery && (
        <p>
          <a href={withoutQuery}>{ctx.t('error.withoutQuery')}</a>
        </p>
      )}
      <p>
        <a href={ctx.community ? `/${ctx.community.slug}` : '/'}>{ctx.t('nav.home')}</a>
      </p>
    </Layout>
  );
}
