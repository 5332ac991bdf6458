import { Anchor, Box, Text } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TerminalLine, Tone } from './format-event';

const toneColor: Record<Tone, string> = {
  ok: 'var(--mantine-color-green-4)',
  warn: 'var(--mantine-color-yellow-4)',
  error: 'var(--mantine-color-red-4)',
  info: 'var(--mantine-color-blue-3)',
  muted: 'var(--mantine-color-gray-5)',
};

export function TerminalOutput(props: {
  lines: TerminalLine[];
  accountName: (id: string | null) => string;
  autoScroll: boolean;
  /** Called when the user scrolls up (auto-scroll stops) or back to the bottom. */
  onUserScroll: (atBottom: boolean) => void;
  emptyText: string;
}) {
  const { lines, accountName, autoScroll, onUserScroll, emptyText } = props;
  const box = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && autoScroll) el.scrollTop = el.scrollHeight;
  }, [lines, autoScroll]);

  return (
    <Box
      ref={box}
      role="log"
      aria-live="off"
      aria-label="Live eBay events"
      tabIndex={0}
      data-testid="terminal-output"
      onScroll={(e) => {
        const el = e.currentTarget;
        onUserScroll(el.scrollTop + el.clientHeight >= el.scrollHeight - 24);
      }}
      style={{
        background: '#0d1117',
        color: '#c9d1d9',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 13,
        lineHeight: 1.55,
        borderRadius: 'var(--mantine-radius-md)',
        padding: '10px 12px',
        height: 'max(320px, calc(100vh - 330px))',
        overflow: 'auto',
      }}
    >
      {lines.length === 0 && (
        <Text ff="inherit" fz="inherit" c="gray.6" data-testid="terminal-empty">
          {emptyText}
        </Text>
      )}
      {lines.map((line) => {
        const content = (
          <>
            <span style={{ color: '#6e7681' }}>{line.time}</span>{' '}
            <span style={{ color: '#79c0ff', display: 'inline-block', minWidth: '13ch' }}>{line.type}</span>{' '}
            <span style={{ color: '#d2a8ff' }}>{accountName(line.accountId)}</span>{' '}
            <span style={{ color: toneColor[line.tone] }}>{line.text}</span>
          </>
        );
        return (
          <div key={line.id} data-testid={`terminal-line-${line.type}`} data-event-id={line.id} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {line.callId ? (
              <Anchor
                component={Link}
                to={`/logs?id=${encodeURIComponent(line.callId)}`}
                underline="hover"
                c="inherit"
                ff="inherit"
                fz="inherit"
                title="Open this call in the API logs"
              >
                {content}
              </Anchor>
            ) : (
              content
            )}
          </div>
        );
      })}
    </Box>
  );
}
