// The long-lived parts a request or a CLI command needs, built once per process.
import pino, { type Logger } from 'pino';
import type { Config } from '../../config.ts';
import { connect, type Db } from '../db/connect.ts';
import { PermissionRegistry } from '../policy/access.ts';
import { createMailer, type Mailer } from '../notify/mailer.ts';
import { createSmsGateway, type SmsGateway } from '../notify/sms.ts';
import type { ModuleManifest } from './module.ts';
import { CommunityCache, DomainMap } from './tenancy.ts';
import { PageCache } from './page-cache.ts';

export interface Services {
  config: Config;
  db: Db;
  log: Logger;
  permissions: PermissionRegistry;
  mailer: Mailer;
  /** Replaceable: the demo points it at the in-process stand-in gateway. */
  sms: SmsGateway;
  domains: DomainMap;
  communities: CommunityCache;
  /** Public pages as anonymous visitors see them, for a few seconds. */
  pageCache: PageCache;
  modules: ModuleManifest[];
  close(): Promise<void>;
}

export function createServices(config: Config, modules: ModuleManifest[], opts: { log?: Logger } = {}): Services {
  const log = opts.log ?? pino({ level: config.logLevel });
  const db = connect(config.database);
  const permissions = new PermissionRegistry(modules.flatMap((m) => m.permissions ?? []));
  const mailer = createMailer(config, log);
  return {
    config,
    db,
    log,
    permissions,
    mailer,
    sms: createSmsGateway(config.sms, log),
    domains: new DomainMap(db),
    communities: new CommunityCache(db),
    pageCache: new PageCache(),
    modules,
    async close() {
      mailer.close();
      await db.close();
    },
  };
}
