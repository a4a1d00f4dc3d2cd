import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's element
type Page = VNode<any>;

/** A complete HTML document from a page component; no client rendering. */
export function renderPage(page: Page): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** Sends an already rendered document (see renderPage and PageCache). */
export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** Renders and sends a server-rendered page. */
export function sendPage(reply: FastifyReply, page: Page, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(page), status);
}
