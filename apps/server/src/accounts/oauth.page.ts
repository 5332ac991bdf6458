const messages: Record<string, string> = {
  missing: 'The link is missing its sign-in state.',
  unknown: 'This sign-in link is not one we issued.',
  expired: 'This sign-in link has expired (links are valid for 10 minutes).',
  replayed: 'This sign-in link was already used.',
  wrong_environment: 'This sign-in link was issued for another eBay environment.',
};

/** The small page a browser sees when the callback cannot be trusted (no account data, no eBay data). */
export function badStatePage(reason: string, requestId: string): string {
  const message = messages[reason] ?? 'This sign-in link is not valid.';
  const rid = requestId.replace(/[^A-Za-z0-9_=-]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eBay connection not completed</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>eBay connection not completed</h1>
<p>${message} Start the connection again from the accounts page.</p>
<p><a href="/accounts">Back to eBay accounts</a></p>
<p style="color:#666;font-size:.85rem">Request id: <code>${rid}</code></p>
</body></html>`;
}
