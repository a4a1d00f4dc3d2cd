// For the tests: the shipped national defaults as table rows, without a database, so the
// calculations are tested against the very figures the migration seeds.
import type { Selectable } from 'kysely';
import type { FinRulesTable } from './rules.table.ts';
import { NATIONAL_DEFAULTS } from './rules.seed.ts';
import { ruleSetFrom, type RuleSet } from './rules.service.ts';
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';

export function defaultRows(): Selectable<FinRulesTable>[] {
  return NATIONAL_DEFAULTS.map((r, i) => ({
    id: i + 1, community_id: null, kind: r.kind, valid_from: r.validFrom, valid_to: r.validTo, data: JSON.stringify(r.data),
    legal_ref: r.legalRef, source: r.source, verification: r.verification, updated_by_user_id: null, updated_at: '2026-12-07T00:00:00.000Z',
  }));
}

/** The national defaults in force for a tax year. */
export const defaults = (year: number): RuleSet => ruleSetFrom(defaultRows(), year);

/** A signed-in person's GETs and form POSTs (with the CSRF token), pages in English. */
export async function signedIn(env: TestEnv, email: string) {
  const s = await signInAs(env.services, email);
  const cookie = `${s.cookie}; mmis_lang=en`;
  return {
    get: (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, fields: Record<string, string>) =>
      env.app.inject({
        method: 'POST', url, payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      }),
  };
}
