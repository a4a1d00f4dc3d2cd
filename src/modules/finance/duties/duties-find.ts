// Finding a payer in the registers from the payer form: the registers' own search providers
// (through the manifests, so this part imports nothing of theirs), only those the person may
// use; the providers audit the people they return. A hit offers its identifier (the PSN or
// the tax ID its detail line starts with) to fill the form's payer field.
import type { Ctx } from '../../../platform/http/context.ts';
import { decide } from '../../../platform/policy/access.ts';

const PROVIDERS = ['registry.people', 'registry.organizations'];

export interface PayerHit {
  title: string;
  detail: string;
  /** The PSN (10 digits) or tax ID (8 digits) to register the payer with, when the hit shows one. */
  ref: string | null;
}

export async function findPayers(ctx: Ctx, q: string): Promise<PayerHit[]> {
  const providers = ctx.services.modules.flatMap((m) => m.search ?? [])
    .filter((p) => PROVIDERS.includes(p.key) && decide(p.access, ctx.actor, ctx.services.permissions) === 'allow');
  const hits = (await Promise.all(providers.map((p) => p.search(ctx, q, 10)))).flat();
  return hits.map((h) => ({ title: h.title, detail: h.detail ?? '', ref: /^(\d{10}|\d{8})\b/.exec(h.detail ?? '')?.[1] ?? null }));
}
