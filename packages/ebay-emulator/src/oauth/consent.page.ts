import type { SellerDataset } from '../data/seller-dataset';

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface ConsentPageInput {
  clientId: string;
  ruName: string;
  scopes: string[];
  state: string | undefined;
  sellers: SellerDataset[];
}

/** Plain HTML consent form; works without JavaScript. */
export function consentPage(input: ConsentPageInput): string {
  const sellerOptions = input.sellers
    .map((s, i) => `<label><input type="radio" name="seller" value="${esc(s.profile.username)}"${i === 0 ? ' checked' : ''}> ${esc(s.profile.username)} (${s.profile.marketplaceId})</label><br>`)
    .join('\n');
  const scopeItems = input.scopes.map((s) => `<li>${esc(s)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Grant application access: eBay</title></head>
<body>
<h1>Grant application access</h1>
<p>The application <strong>${esc(input.clientId)}</strong> would like to access your eBay account with these permissions:</p>
<ul>
${scopeItems}
</ul>
<form method="post" action="/oauth2/authorize/decision">
<fieldset><legend>Sign in as</legend>
${sellerOptions}
</fieldset>
<input type="hidden" name="client_id" value="${esc(input.clientId)}">
<input type="hidden" name="redirect_uri" value="${esc(input.ruName)}">
<input type="hidden" name="scope" value="${esc(input.scopes.join(' '))}">
<input type="hidden" name="state" value="${esc(input.state ?? '')}">
<button type="submit" name="decision" value="agree">Agree</button>
<button type="submit" name="decision" value="decline">Decline</button>
</form>
</body></html>`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${esc(message)}</p></body></html>`;
}

export function acceptPage(query: Record<string, string>): string {
  const rows = Object.entries(query).map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accept URL</title></head><body><h1>Redirected to the accept URL</h1><table>${rows}</table></body></html>`;
}
