import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { GettingStarted } from '../../features/sync';
import { HealthSummary } from '../../features/system';
import { useCurrentUser } from '../../lib/current-user';
import { utcLabel } from '../../lib/utc-time';

/** Signed-in landing page: who is signed in, system health, and the way to the dashboard. */
export function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="Home" description="Connect eBay seller accounts and keep their data in your Postgres." />
      <GettingStarted />
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Card withBorder padding="lg" aria-labelledby="whoami-title">
          <Title order={2} size="h4" id="whoami-title" mb="xs">
            Signed in
          </Title>
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm" data-testid="whoami-email">
                {user.email}
              </Text>
              <Badge variant="light">{user.role}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {user.lastLoginAt ? `Last sign-in ${utcLabel(user.lastLoginAt, 'minutes') ?? user.lastLoginAt}` : 'First sign-in'}
            </Text>
          </Stack>
        </Card>
        <HealthSummary />
        <Card withBorder padding="lg" aria-labelledby="overview-title">
          <Title order={2} size="h4" id="overview-title" mb="xs">
            Orders, money and sync health
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Orders and revenue per day, fees, payouts, open disputes, unread messages and token health.
          </Text>
          <Button component={Link} to="/dashboard" variant="light" data-testid="open-dashboard">
            Open the dashboard
          </Button>
        </Card>
      </SimpleGrid>
    </>
  );
}
