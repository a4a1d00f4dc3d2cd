// Which characters a TrueType font really has glyphs for, read from its 'cmap' table
// (the Windows Unicode BMP subtable, format 4). The fontsource subsets' declared unicode
// ranges are wider than their glyphs ("latin" declares U+0000-00FF but has no "²"), so the
// choice of font per character is made from this, not from the declared ranges.
// Format: https://learn.microsoft.com/typography/opentype/spec/cmap

function tableOffset(font: Buffer, tag: string): number | null {
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (font.toString('latin1', at, at + 4) === tag) return font.readUInt32BE(at + 8);
  }
  return null;
}

/** The code points (BMP) that map to a real glyph. */
export function cmapCoverage(font: Buffer): Set<number> {
  const cmap = tableOffset(font, 'cmap');
  if (cmap === null) throw new Error('the font has no cmap table');
  const subtables = font.readUInt16BE(cmap + 2);
  // Prefer Windows Unicode BMP (3, 1); accept a Unicode-platform (0, *) format 4 table.
  let sub: number | null = null;
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const offset = cmap + font.readUInt32BE(at + 4);
    if (font.readUInt16BE(offset) !== 4) continue;
    if (platform === 3 && encoding === 1) {
      sub = offset;
      break;
    }
    if (platform === 0) sub ??= offset;
  }
  if (sub === null) throw new Error('the font has no Unicode BMP (format 4) cmap subtable');
  const segCount = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  const out = new Set<number>();
  for (let s = 0; s < segCount; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readUInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        // idRangeOffset counts bytes from its own position into glyphIdArray.
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = font.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}
