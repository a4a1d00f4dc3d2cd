// The demo's payment gateways: a connection whose address is `standin:` is served by the
// stand-in gateway of its protocol, started in this process on first use on a loopback port,
// with the community's merchant registered on it (its secret and our callback addresses).
// Only in demo mode: a real instance with such a connection refuses to pay.
import type { Services } from '../../../platform/module/contract.ts';
import type { ProviderSettings } from './provider.ts';
import { startIdramStandin, type IdramStandin } from './idram-standin.ts';
import { startVposStandin, type VposStandin } from './vpos-standin.ts';
import { ourUrls } from './urls.ts';

export const STANDIN = 'standin:';

let idram: Promise<IdramStandin> | null = null;
let vpos: Promise<VposStandin> | null = null;

export async function resolveStandin(services: Services, settings: ProviderSettings, slug: string): Promise<ProviderSettings | null> {
  if (!services.config.demo) {
    services.log.warn({ provider: settings.provider, slug }, 'a payment connection names the stand-in gateway outside demo mode: not used');
    return null;
  }
  const urls = ourUrls(services.config.publicUrl, slug, settings.provider);
  if (settings.provider === 'idram') {
    idram ??= startIdramStandin().then((s) => (services.log.info({ url: s.url }, 'demo: the stand-in Idram gateway is listening'), s));
    const s = await idram;
    s.addMerchant({ recAccount: settings.merchantId, secret: settings.secret, resultUrl: urls.callbackUrl, successUrl: urls.returnUrl, failUrl: urls.failUrl });
    return { ...settings, gatewayUrl: s.url };
  }
  vpos ??= startVposStandin().then((s) => (services.log.info({ url: s.url }, 'demo: the stand-in card vPOS gateway is listening'), s));
  const s = await vpos;
  s.addMerchant({ userName: settings.username ?? settings.merchantId, password: settings.secret, callbackUrl: urls.callbackUrl });
  return { ...settings, gatewayUrl: s.url };
}
