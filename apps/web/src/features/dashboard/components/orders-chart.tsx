import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { currencyLabel, dayLabel, type ChartPoint } from './format';

/**
 * Orders per day (left axis) and their revenue (right axis), one currency at a time: with several currencies a
 * selector picks which one.
 */
export function OrdersChart(props: {
  points: ChartPoint[];
  currency: string;
  currencies: string[];
  onCurrencyChange: (currency: string) => void;
}) {
  const { points, currency, currencies, onCurrencyChange } = props;
  const name = currencyLabel(currency);
  const several = currencies.length > 1;
  return (
    <Card
      withBorder
      padding="md"
      data-testid="orders-chart"
      data-currency={currency}
      data-orders={points.reduce((n, p) => n + p.orders, 0)}
    >
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} size="h4">Orders and revenue per day</Title>
          <Text size="xs" c="dimmed" data-testid="orders-chart-caption">
            {several
              ? `UTC days. Only the orders in ${name} and their revenue: amounts in ${currencies.length} currencies do not add up, so pick one.`
              : `UTC days, revenue in ${name}.`}
          </Text>
        </Stack>
        {several && (
          <SegmentedControl
            size="xs"
            value={currency}
            onChange={onCurrencyChange}
            data={currencies.map((c) => ({ value: c, label: currencyLabel(c) }))}
            aria-label="Currency of the chart"
            data-testid="chart-currency"
          />
        )}
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
          { name: 'orders', label: `Orders (${name})`, color: 'blue.6' },
          { name: 'revenue', label: `Revenue (${name})`, color: 'teal.6', yAxisId: 'right' },
        ]}
        xAxisProps={{ tickFormatter: dayLabel }}
        rightYAxisProps={{ width: 70 }}
      />
    </Card>
  );
}
