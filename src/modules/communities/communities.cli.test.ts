import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { createCommunity } from './index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.ts';
import { runCommunityCreate, runCommunityList, type CliOutput } from './communities.cli.ts';

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

bothEngines('a community created while the app is running is served at once', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  assert.equal((await app.inject({ method: 'GET', url: '/meghri' })).statusCode, 404);
  await createCommunity(services.db.kysely, SYSTEM_ACTOR, {
    slug: 'meghri', marz_id: 'syunik', name_hy: 'Մեղրի', name_en: 'Meghri', name_ru: 'Мегри',
    phone: null, address_hy: null, address_en: null, address_ru: null,
    reception_hours_hy: null, reception_hours_en: null, reception_hours_ru: null,
    color_primary: '#1d4f91', color_accent: '#c8102e', domains: [],
    settlements: [{ name_hy: 'Մեղրի', name_en: 'Meghri', name_ru: 'Мегри', kind: 'town', postcode: '3401' }],
  });
  const res = await app.inject({ method: 'GET', url: '/meghri' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Մեղրի<\/h1>/);
});

bothEngines('mmis community create takes flags or a file and prints the URL', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const io = capture();
  const code = await runCommunityCreate(
    services,
    {
      slug: 'vayk', marz: 'vayots-dzor', nameHy: 'Վայք', nameEn: 'Vayk', nameRu: 'Вайк',
      settlement: ['Վայք;Vayk;Вайк;town;3801', 'Ազատեկ;Azatek;Азатек;village;3802'],
      domain: ['vayk.localhost'],
    },
    io,
  );
  assert.equal(code, 0, io.errors.join('\n'));
  assert.deepEqual(io.lines, [`${services.config.publicUrl}/vayk`]);
  assert.equal((await app.inject({ method: 'GET', url: '/vayk' })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/', headers: { host: 'vayk.localhost' } })).statusCode, 200);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'yeghegnadzor.json');
  fs.writeFileSync(file, JSON.stringify({
    slug: 'yeghegnadzor', marz_id: 'vayots-dzor', name_hy: 'Եղեգնաձոր', name_en: 'Yeghegnadzor', name_ru: 'Ехегнадзор',
    settlements: [{ name_hy: 'Եղեգնաձոր', name_en: 'Yeghegnadzor', name_ru: 'Ехегнадзор', kind: 'town', postcode: '3601' }],
  }));
  const fromFile = capture();
  assert.equal(await runCommunityCreate(services, { file }, fromFile), 0, fromFile.errors.join('\n'));
  assert.equal((await app.inject({ method: 'GET', url: '/yeghegnadzor' })).statusCode, 200);

  const listed = capture();
  assert.equal(await runCommunityList(services, listed), 0);
  assert.equal(listed.lines.length, 4);
  assert.ok(listed.lines.some((l) => l.startsWith('vayk ')));
});

bothEngines('mmis community create reports each invalid field and exits with 2', async (t, engine) => {
  const { services } = await setup(t, engine);
  const io = capture();
  const code = await runCommunityCreate(services, { slug: 'Bad Slug', marz: 'atlantis', nameHy: 'Ա', settlement: ['only;two'] }, io);
  assert.equal(code, 2);
  const fields = io.errors.map((l) => l.split(':')[0]);
  for (const f of ['slug', 'marz_id', 'name_en', 'name_ru', 'settlements']) assert.ok(fields.includes(f), `${f} reported: ${io.errors.join(' | ')}`);
  const dup = capture();
  assert.equal(
    await runCommunityCreate(services, { slug: 'sisian', marz: 'syunik', nameHy: 'Ս', nameEn: 'S', nameRu: 'С', settlement: ['Ս;S;С;town;3301'] }, dup),
    2,
  );
  assert.match(dup.errors.join('\n'), /^slug: A community with this name already exists/);
  const missingFile = capture();
  assert.equal(await runCommunityCreate(services, { file: '/nonexistent/community.json' }, missingFile), 2);
  assert.ok(missingFile.errors.some((l) => l.startsWith('file:')));
});
