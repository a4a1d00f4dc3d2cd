// A plain heraldic shield with the community's initial, used until a community uploads
// its real coat of arms, so every header has a recognisable mark.
function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function defaultCoatOfArms(nameHy: string, primary: string, accent: string): string {
  const initial = escapeXml([...nameHy.trim()][0] ?? '?');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" role="img"><title>${escapeXml(nameHy)}</title><path d="M5 5h90v55c0 30-22 48-45 55C27 108 5 90 5 60z" fill="${primary}" stroke="${accent}" stroke-width="6"/><text x="50" y="72" font-family="Noto Sans Armenian, sans-serif" font-size="48" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
}
