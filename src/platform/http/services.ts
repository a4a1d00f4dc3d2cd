// Building the long-lived parts (Services) once per process, from the configuration and
// the modules the app is made of.
import pino, { type Logger } from 'pino';
import type { Config } from '../../config.ts';
import { connect } from '../db/connect.ts';
import { PermissionRegistry } from '../policy/access.ts';
import { createMailer } from '../notify/mailer.ts';
import { createSmsGateway } from '../notify/sms.ts';
import type { ModuleManifest, Services } from '../module/contract.ts';
import { CachedCommunityDirectory, DomainMap } from './tenancy.ts';
import { PageCache } from './page-cache.ts';

/** The one module that implements the community directory (tenancy); exactly one must. */
function directoryProvider(modules: readonly ModuleManifest[]) {
  const providers = modules.filter((m) => m.provides?.communities);
  if (providers.length !== 1) {
    throw new Error(`Exactly one module must provide the community directory; found ${providers.map((m) => m.name).join(', ') || 'none'}`);
  }
  return providers[0]!.provides!.communities!;
}

export function createServices(config: Config, modules: readonly ModuleManifest[], opts: { log?: Logger } = {}): Services {
  // Written synchronously: at the default level a server logs a few lines an hour (requests go
  // at debug), so nothing is gained by buffering, and lines keep their order with the CLI's own
  // output (the demo's sign-ins come last) and are not lost if the process dies.
  const log = opts.log ?? pino({ level: config.logLevel }, pino.destination({ dest: 1, sync: true }));
  const db = connect(config.database);
  const permissions = new PermissionRegistry(modules.flatMap((m) => m.permissions ?? []));
  const mailer = createMailer(config, log);
  const directory = new CachedCommunityDirectory(directoryProvider(modules)(db));
  return {
    config,
    db,
    log,
    permissions,
    mailer,
    sms: createSmsGateway(config.sms, log),
    domains: new DomainMap(directory),
    communities: directory,
    pageCache: new PageCache(),
    modules,
    async close() {
      mailer.close();
      await db.close();
    },
  };
}
