import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A router link (keyboard reachable; opens in a new tab with the usual keys). */
export function CellLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" fw={500} aria-label={label} style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Anchor>
  );
}
