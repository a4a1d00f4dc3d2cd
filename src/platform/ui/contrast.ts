// WCAG 2 contrast, used to refuse community colours that white header text cannot be read on.
function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of #RRGGBB. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The header shows white text on the brand colour: it must reach WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;
export const readableOnWhiteText = (hex: string) => contrastRatio(hex, '#ffffff') >= MIN_CONTRAST;
