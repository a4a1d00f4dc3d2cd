// Our addresses a provider is given: the browser's way back and the server callback.
import type { OurUrls } from './provider.ts';
import type { ProviderName } from './payments.table.ts';

export function ourUrls(publicUrl: string, slug: string, provider: ProviderName): OurUrls {
  const returnUrl = `${publicUrl}/${slug}/payments/return/${provider}`;
  return { returnUrl, failUrl: `${returnUrl}?failed=1`, callbackUrl: `${publicUrl}/api/v1/communities/${slug}/payments/${provider}/callback` };
}
