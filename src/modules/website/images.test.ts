import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { MAX_IMAGE_SIDE, processImage } from './images.ts';

/** A phone-like photo: large, with EXIF that says where it was taken. */
export async function photoWithGps(width = 3000, height = 2000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'X1', Copyright: 'someone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '46/1 1/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

test('a photo is resized to at most 1600 px, converted to JPEG and loses its EXIF and GPS', async () => {
  const input = await photoWithGps();
  const before = await sharp(input).metadata();
  assert.ok(before.exif && before.exif.includes(Buffer.from('PhoneMaker')), 'the test photo carries EXIF');
  const out = await processImage(input);
  const meta = await sharp(out.bytes).metadata();
  assert.equal(meta.format, 'jpeg');
  assert.equal(Math.max(meta.width, meta.height), MAX_IMAGE_SIDE);
  assert.equal(out.width, 1600);
  assert.equal(out.height, 1067);
  assert.equal(meta.exif, undefined, 'no EXIF block at all, so no GPS position');
  assert.equal(meta.xmp, undefined);
  assert.ok(!out.bytes.includes(Buffer.from('GPS')) && !out.bytes.includes(Buffer.from('PhoneMaker')));
});

test('a small PNG is not enlarged, and bytes that are not an image are refused with a field error', async () => {
  const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
  const out = await processImage(png);
  assert.deepEqual([out.width, out.height], [300, 200]);
  await assert.rejects(processImage(Buffer.from('not an image at all')), (e: { status?: number; fields?: Record<string, string> }) => e.status === 400 && e.fields?.file === 'files.error.type');
});
