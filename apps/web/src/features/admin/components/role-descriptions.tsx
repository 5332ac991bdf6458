import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { Role } from '@ebay-connector/contract';
import { roleDescriptions } from '../roles';

/** Lowest first: each role has every right of the one above it in this list. */
const ascending: readonly Role[] = ['viewer', 'operator', 'admin'];

/** The three roles and what each may do. */
export function RoleDescriptions() {
  return (
    <Card withBorder padding="md" data-testid="role-descriptions">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Roles
        </Text>
        {ascending.map((role) => (
          <Group key={role} gap="sm" wrap="nowrap" align="flex-start" data-testid={`role-description-${role}`}>
            <Badge variant="light" w={96} style={{ flexShrink: 0 }}>
              {role}
            </Badge>
            <Text size="sm">{roleDescriptions[role]}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
