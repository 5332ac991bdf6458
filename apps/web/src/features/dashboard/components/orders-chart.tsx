import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Card, Group, Text, Title } from '@mantine/core';
import type { ChartPoint } from './format';

/** Orders per day (left axis) and revenue in the main currency (right axis). */
export function OrdersChart({ points, currency }: { points: ChartPoint[]; currency: string | null }) {
  return (
    <Card withBorder padding="md" data-testid="orders-chart">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">Orders and revenue per day</Title>
        <Text size="xs" c="dimmed">UTC days{currency ? `, revenue in ${currency}` : ''}</Text>
      </Group>
      <AreaChart
        h={260}
        data={points}
        dataKey="day"
        withLegend
        withRightYAxis
        curveType="monotone"
        withDots={points.length <= 31}
        series={[
          { name: 'orders', label: 'Orders', color: 'blue.6' },
          { name: 'revenue', label: `Revenue${currency ? ` (${currency})` : ''}`, color: 'teal.6', yAxisId: 'right' },
        ]}
        rightYAxisProps={{ width: 70 }}
      />
    </Card>
  );
}
