import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { normalizeArmenianMobile, parseIdentifier, safeLocalPath } from './identifiers.ts';
import { newTotpSecret, verifyTotp } from './totp.ts';
import { linkOrFindAccount } from './eid.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';

test('Armenian mobile numbers are normalised to +374XXXXXXXX', () => {
  for (const v of ['+37491000001', '+374 91 00-00-01', '091000001', '0037491000001', '37491000001', '(091) 000 001']) {
    assert.equal(normalizeArmenianMobile(v), '+37491000001', v);
  }
  for (const v of ['+1 555 0100', '12345', '+3749100000', '010123456', '']) assert.equal(normalizeArmenianMobile(v), null, v);
  assert.deepEqual(parseIdentifier(' Ani@Citizen.Example '), { email: 'ani@citizen.example' });
  assert.deepEqual(parseIdentifier('094 123456'), { phone: '+37494123456' });
  assert.equal(parseIdentifier('not an identifier'), null);
});

test('only local paths are accepted as places to return to', () => {
  assert.equal(safeLocalPath('/sisian/staff?x=1'), '/sisian/staff?x=1');
  for (const v of ['//evil.example', '/\\evil.example', 'https://evil.example', 'relative', '', '/a\nb', undefined, 42]) {
    assert.equal(safeLocalPath(v), null, String(v));
  }
});

test('a TOTP code is accepted once, within one step of now', () => {
  const secret = newTotpSecret();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  const now = Date.now();
  const step = verifyTotp(secret, totp.generate({ timestamp: now }), null, now);
  assert.ok(step !== null);
  assert.equal(verifyTotp(secret, totp.generate({ timestamp: now }), step, now), null, 'no replay');
  assert.equal(verifyTotp(secret, totp.generate({ timestamp: now + 30_000 }), step, now), step + 1);
  assert.equal(verifyTotp(secret, totp.generate({ timestamp: now - 5 * 60_000 }), null, now), null, 'old codes fail');
  assert.equal(verifyTotp(secret, 'abcdef', null, now), null);
});

test('passwords verify; the dummy hash never matches', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.ok(await verifyPassword('correct horse battery', hash));
  assert.ok(!(await verifyPassword('wrong', hash)));
  assert.ok(!(await verifyPassword('', DUMMY_HASH)));
});

bothEngines('e-ID: a subject is linked once, matched by verified e-mail or phone, or gets a new citizen account', async (t, engine) => {
  const { services } = await setup(t, engine);
  const db = services.db.kysely;
  const ani = await db.selectFrom('users').select('id').where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();

  const matched = await linkOrFindAccount(db, 'am-eid', 'sub-ani', { fullName: 'Անի Բաղդասարյան', email: 'ANI@citizen.example' });
  assert.deepEqual(matched, { userId: ani.id, how: 'matched' });
  const again = await linkOrFindAccount(db, 'am-eid', 'sub-ani', { fullName: 'whatever', email: 'other@example.am' });
  assert.deepEqual(again, { userId: ani.id, how: 'linked' });

  const byPhone = await linkOrFindAccount(db, 'am-eid', 'sub-gohar', { fullName: 'Գոհար', phone: '091 000003' });
  const gohar = await db.selectFrom('users').select('id').where('phone', '=', '+37491000003').executeTakeFirstOrThrow();
  assert.deepEqual(byPhone, { userId: gohar.id, how: 'matched' });

  const users = (await db.selectFrom('users').select('id').execute()).length;
  const created = await linkOrFindAccount(db, 'am-eid', 'sub-new', { fullName: 'Նոր Քաղաքացի', email: 'new@example.am' });
  assert.equal(created.how, 'created');
  assert.equal((await db.selectFrom('users').select('id').execute()).length, users + 1);
  const row = await db.selectFrom('users').selectAll().where('id', '=', created.userId).executeTakeFirstOrThrow();
  assert.equal(row.password_hash, null);
  assert.equal(row.is_staff, 0);
  assert.equal(row.email, 'new@example.am');

  // The same subject at another provider is a different identity.
  const other = await linkOrFindAccount(db, 'other-idp', 'sub-ani', { fullName: 'X' });
  assert.equal(other.how, 'created');
  assert.notEqual(other.userId, ani.id);

  const links = await db.selectFrom('external_identities').select(['provider', 'subject']).execute();
  assert.equal(links.length, 4);
  const audit = await db.selectFrom('audit_events').select('action').where('action', '=', 'auth.eid_link').execute();
  assert.equal(audit.length, 4);
});
