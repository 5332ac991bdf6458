import { Button, Code, Collapse, CopyButton, Group, ScrollArea } from '@mantine/core';
import { useId, useState } from 'react';
import { prettyJson } from '../../lib/format';

/** eBay's payload as stored, pretty printed, collapsed until asked for. */
export function RawJson({ value, label = 'raw eBay JSON' }: { value: unknown; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const text = prettyJson(value);
  return (
    <div>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={id}
        >
          {open ? `Hide ${label}` : `Show ${label}`}
        </Button>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="subtle" size="xs" onClick={copy} color={copied ? 'teal' : 'gray'}>
              {copied ? 'Copied' : 'Copy JSON'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Collapse expanded={open} id={id}>
        <ScrollArea.Autosize mah={480} mt="xs" type="auto">
          <Code block data-testid="raw-json" fz="xs">
            {text}
          </Code>
        </ScrollArea.Autosize>
      </Collapse>
    </div>
  );
}
