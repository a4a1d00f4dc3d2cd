// The few rules only the public site needs, inlined with the brand colours (one request
// fewer on a slow rural link; small enough to count against the page weight budget).
export const SITE_CSS = [
  '.site-grid{display:grid;gap:1.5rem}',
  '@media(min-width:48rem){.site-grid{grid-template-columns:2fr 1fr}}',
  '.post-list{list-style:none;padding:0}',
  '.post-list li{border-bottom:1px solid #d0d4d9;padding:.75rem 0}',
  '.post-list time,.post-meta{color:#505a5f;font-size:.95rem}',
  '.article-body img{max-width:100%;height:auto}',
  '.article-body table{border-collapse:collapse}',
  '.article-body td,.article-body th{border:1px solid #b1b4b6;padding:.25rem .5rem}',
  '.lead-image{max-width:100%;height:auto;display:block;margin:1rem 0}',
  '.attachments{list-style:none;padding:0}',
].join('');
