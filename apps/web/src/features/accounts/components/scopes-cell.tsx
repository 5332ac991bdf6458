import { Anchor, Code, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/** Scope URLs are long: show their last segment, two at first, all on demand. */
function shortScope(scope: string): string {
  const tail = scope.split('/').pop() ?? scope;
  return tail || scope;
}

/** A scope with line-break opportunities after its dots and slashes, so it wraps between words first. */
function breakable(scope: string): ReactNode[] {
  return scope.split(/(?<=[./])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

export function ScopesCell({ scopes, accountLabel }: { scopes: string[]; accountLabel: string }) {
  const [open, setOpen] = useState(false);
  if (scopes.length === 0) return <Text size="sm" c="dimmed">none</Text>;
  const shown = open ? scopes : scopes.slice(0, 2);
  return (
    // Long scope names break after a dot or slash, and at any character if they must, rather than widen the
    // accounts table past the page.
    <Stack gap={2} maw={170}>
      {shown.map((scope) => (
        <Code key={scope} title={scope} style={{ overflowWrap: 'anywhere' }}>
          {breakable(open ? scope : shortScope(scope))}
        </Code>
      ))}
      {scopes.length > 2 && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          aria-label={`${open ? 'Show fewer' : `Show all ${scopes.length}`} scopes of ${accountLabel}`}
        >
          {open ? 'Show fewer' : `+${scopes.length - 2} more`}
        </Anchor>
      )}
    </Stack>
  );
}
