import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import type { EbayAccount } from '@ebay-connector/contract';
import { humanize } from '../../lib/format';
import { dateRangeError, type FilterField } from '../../lib/query-string';
import { accountOptionLabel, accountSelectLook } from '../../../../lib/account-option';

/**
 * The filter form of a list: account plus the list's own fields. Values are applied together (Enter or "Apply")
 * so typing does not fire a request per key; a date range that ends before it starts is marked and not applied
 * (also when it came in the URL). On a phone only the search shows until "More filters" unfolds the rest (it says
 * how many of them are set), so the list starts on the first screen.
 */
export function ListFilters(props: {
  label: string;
  fields: readonly FilterField[];
  value: Record<string, string>;
  accounts: EbayAccount[];
  onApply: (values: Record<string, string>) => void;
}) {
  const { label, fields, value, accounts, onApply } = props;
  const [draft, setDraft] = useState<Record<string, string>>(value);
  const [rangeError, setRangeError] = useState(() => dateRangeError(value, fields));
  // Read while rendering (no server rendering here): a phone's first frame already shows the folded form.
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  const [more, setMore] = useState(() => rangeError !== null);
  const folded = phone && !more;
  const foldable = ['accountId', ...fields.filter((f) => f.param !== 'q').map((f) => f.param)];
  const setBehindFold = foldable.filter((param) => (value[param] ?? '') !== '').length;
  const set = (param: string, v: string) => {
    setDraft((d) => ({ ...d, [param]: v }));
    if (fields.some((f) => f.param === param && (f.kind === 'dateFrom' || f.kind === 'dateTo'))) setRangeError(null);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = dateRangeError(draft, fields);
    setRangeError(invalid);
    if (invalid) return;
    const trimmed: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft)) if (v.trim()) trimmed[k] = v.trim();
    onApply(trimmed);
  };
  const reset = () => {
    setDraft({});
    setRangeError(null);
    onApply({});
  };

  return (
    <form onSubmit={onSubmit} aria-label={label} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {!folded && (
          <NativeSelect
            label="Account"
            {...accountSelectLook(accounts, draft['accountId'])}
            value={draft['accountId'] ?? ''}
            onChange={(e) => set('accountId', e.currentTarget.value)}
            data={[{ value: '', label: 'All accounts' }, ...accounts.map((a) => ({ value: a.id, label: accountOptionLabel(a) }))]}
            w={190}
          />
        )}
        {fields.map((field) => {
          if (folded && field.param !== 'q') return null;
          const current = draft[field.param] ?? '';
          if (field.kind === 'select') {
            const options = field.options ?? [];
            const values = current && !options.includes(current) ? [...options, current] : options;
            return (
              <NativeSelect
                key={field.param}
                label={field.label}
                value={current}
                onChange={(e) => set(field.param, e.currentTarget.value)}
                data={[{ value: '', label: 'Any' }, ...values.map((v) => ({ value: v, label: field.optionLabels?.[v] ?? humanize(v) }))]}
                w={170}
              />
            );
          }
          const isDate = field.kind === 'dateFrom' || field.kind === 'dateTo';
          return (
            <TextInput
              key={field.param}
              // A date filter is a UTC day, like the list's times: the browser shows the day in its own format.
              label={isDate ? `${field.label} (UTC)` : field.label}
              type={isDate ? 'date' : field.param === 'q' ? 'search' : 'text'}
              placeholder={field.placeholder}
              title={isDate ? 'A UTC day, as the list shows its times' : undefined}
              value={current}
              onChange={(e) => set(field.param, e.currentTarget.value)}
              error={rangeError?.param === field.param ? rangeError.message : undefined}
              w={isDate ? (rangeError?.param === field.param ? 240 : 150) : field.param === 'q' ? 220 : 170}
            />
          );
        })}
        <Group gap="xs">
          {phone && (
            <Button variant="subtle" onClick={() => setMore((m) => !m)} aria-expanded={more} data-testid="more-filters">
              {more ? 'Fewer filters' : setBehindFold > 0 ? `More filters (${setBehindFold} set)` : 'More filters'}
            </Button>
          )}
          <Button type="submit">Apply</Button>
          <Button variant="default" onClick={reset}>
            Reset
          </Button>
        </Group>
      </Group>
    </form>
  );
}
