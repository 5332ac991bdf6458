import { Anchor, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/** Scope URLs are long: show their last segment, two at first, all on demand. */
function shortScope(scope: string): string {
  const tail = scope.split('/').pop() ?? scope;
  return tail || scope;
}

export function ScopesCell({ scopes, accountLabel }: { scopes: string[]; accountLabel: string }) {
  const [open, setOpen] = useState(false);
  if (scopes.length === 0) return <Text size="sm" c="dimmed">none</Text>;
  const shown = open ? scopes : scopes.slice(0, 2);
  return (
    <Stack gap={2} maw={260}>
      {shown.map((scope) => (
        <Code key={scope} title={scope} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {open ? scope : shortScope(scope)}
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
