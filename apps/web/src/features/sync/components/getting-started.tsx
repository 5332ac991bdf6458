import { Anchor, Button, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { hasRole, useCurrentUser } from '../../../lib/current-user';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useSucceededRuns } from '../api/get-sync-runs';
import { setupProgress } from './format';

function Step(props: { n: number; done: boolean; testId: string; children: ReactNode }) {
  return (
    <List.Item
      data-testid={props.testId}
      data-done={props.done}
      icon={
        <ThemeIcon size={20} radius="xl" color={props.done ? 'teal' : 'gray'} variant={props.done ? 'filled' : 'light'}>
          <Text size="xs" fw={700} aria-hidden>
            {props.done ? '✓' : props.n}
          </Text>
        </ThemeIcon>
      }
    >
      {props.children}
    </List.Item>
  );
}

/**
 * The first steps, on the home page until an account is connected and has synced something: connect an account
 * through eBay's consent page, sync it, browse the data. Viewers are told who can do the first two.
 */
export function GettingStarted() {
  const user = useCurrentUser();
  // Two cheap reads (the sync status counts every table's rows, too much for a landing page).
  const accounts = useAccounts();
  const runs = useSucceededRuns();
  if (!accounts.data || !runs.data) return null;
  const { connected, synced } = setupProgress(accounts.data.accounts.length, runs.data.runs.length);
  if (connected && synced) return null;
  const canOperate = hasRole(user, ['admin', 'operator']);
  return (
    <Card withBorder padding="lg" aria-labelledby="getting-started-title" data-testid="getting-started">
      <Title order={2} size="h4" id="getting-started-title" mb="xs">
        Getting started
      </Title>
      <List spacing="sm" size="sm" center>
        <Step n={1} done={connected} testId="step-connect">
          <Group gap="xs">
            <Text size="sm">Connect an eBay seller account (eBay asks the seller to agree).</Text>
            {!connected && canOperate && (
              <Button component={Link} to="/accounts" size="compact-sm" variant="light">
                Connect an account
              </Button>
            )}
          </Group>
        </Step>
        <Step n={2} done={synced} testId="step-sync">
          <Group gap="xs">
            <Text size="sm">Sync it: a first run fetches everything, then schedules keep it current.</Text>
            {connected && !synced && canOperate && (
              <Button component={Link} to="/sync" size="compact-sm" variant="light">
                Open Sync
              </Button>
            )}
          </Group>
        </Step>
        <Step n={3} done={false} testId="step-browse">
          <Text size="sm">
            Browse the <Anchor component={Link} to="/data/orders">orders</Anchor> and the rest of the synced data, or
            open the <Anchor component={Link} to="/dashboard">dashboard</Anchor>.
          </Text>
        </Step>
      </List>
      {!canOperate && (
        <Text size="xs" c="dimmed" mt="sm">
          An operator or an admin connects accounts and starts syncs; viewers read what was synced.
        </Text>
      )}
    </Card>
  );
}
