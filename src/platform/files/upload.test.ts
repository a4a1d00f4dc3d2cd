// Uploads reach only routes that declare them in their manifest (RouteDef.upload), within
// the size and type limits declared there.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { multipart, TINY_PNG } from '../../../test/multipart.ts';
import { MODULES } from '../../modules/index.ts';
import { route, slugParams, withUpload } from '../http/route.ts';
import type { ModuleManifest } from '../module/contract.ts';

const probe = (url: string) =>
  route({
    method: 'POST',
    url,
    access: 'public',
    kind: 'api',
    csrfExempt: true,
    schema: { params: slugParams },
    handler: async (req) => {
      const file = (req.body as { file?: { data: Buffer } }).file;
      return { bytes: file?.data.length ?? 0 };
    },
  });

const uploadProbe: ModuleManifest = {
  name: 'upload-probe',
  routes: [withUpload(probe('/:slug/probe/png'), { maxBytes: 200, types: ['image/png'] }), probe('/:slug/probe/none')],
};

bothEngines('an upload is accepted only where the route declares it, within its size and type', async (t, engine) => {
  const { app } = await setup(t, engine, { demo: true, modules: [...MODULES, uploadProbe] });
  const send = (url: string, file: { filename: string; type: string; data: Buffer }) => {
    const body = multipart({}, file);
    return app.inject({ method: 'POST', url, headers: { 'content-type': body.contentType }, payload: body.payload });
  };
  const png = { filename: 'dot.png', type: 'image/png', data: TINY_PNG };

  const ok = await send('/sisian/probe/png', png);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().bytes, TINY_PNG.length);

  const undeclared = await send('/sisian/probe/none', png);
  assert.equal(undeclared.statusCode, 400, 'a route without `upload` refuses any file');

  const big = await send('/sisian/probe/png', { ...png, data: Buffer.concat([TINY_PNG, Buffer.alloc(300)]) });
  assert.equal(big.statusCode, 413);
  assert.equal(big.json().error.code, 'too_large');

  const pdfNamedPng = await send('/sisian/probe/png', { ...png, data: Buffer.from('%PDF-1.4\n%%EOF\n') });
  assert.equal(pdfNamedPng.statusCode, 400);
  assert.ok(pdfNamedPng.json().error.fields.file, 'the refusal names the file field');
});
