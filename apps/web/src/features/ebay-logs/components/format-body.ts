/** Pretty-prints a JSON or XML body for reading; anything else (or a truncated body) is returned as it is. */
export function formatBody(body: string): { text: string; language: 'json' | 'xml' | 'text' } {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), language: 'json' };
    } catch {
      return { text: body, language: 'text' };
    }
  }
  if (trimmed.startsWith('<')) return { text: indentXml(trimmed), language: 'xml' };
  return { text: body, language: 'text' };
}

function indentXml(xml: string): string {
  const tokens = xml.replace(/>\s+</g, '><').split(/(?=<)|(?<=>)/).filter((t) => t.length > 0);
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push(`${'  '.repeat(depth)}${token}`);
    } else if (token.startsWith('<?') || token.startsWith('<!') || token.endsWith('/>')) {
      lines.push(`${'  '.repeat(depth)}${token}`);
    } else if (token.startsWith('<')) {
      // <a>text</a> stays on one line.
      if (next !== undefined && !next.startsWith('<') && after?.startsWith('</')) {
        lines.push(`${'  '.repeat(depth)}${token}${next}${after}`);
        i += 2;
      } else {
        lines.push(`${'  '.repeat(depth)}${token}`);
        depth++;
      }
    } else {
      lines.push(`${'  '.repeat(depth)}${token}`);
    }
  }
  return lines.join('\n');
}
