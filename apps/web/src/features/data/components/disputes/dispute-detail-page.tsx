import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useDispute } from '../../api/get-dispute';
import { humanize } from '../../lib/format';
import { DateTime } from '../shared/date-time';
import { DetailPage, Fields, NoneText, Section } from '../shared/detail-parts';
import { linkedOrderFields } from '../shared/linked-columns';
import { Money } from '../shared/money';
import { RawJson } from '../shared/raw-json';
import { StatusBadge } from '../shared/status-badge';
import { useAccountName } from '../shared/use-account-name';

export function DisputeDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = useDispute(id, params.get('accountId') ?? undefined);
  const accountName = useAccountName();
  return (
    <DetailPage back={{ to: '/data/disputes', label: 'Disputes' }} title={`Dispute ${id}`} query={query} loadingLabel="Loading the dispute">
      {({ dispute: d, order }) => (
        <Stack gap="md" data-testid="dispute-detail">
          <Section title="Summary">
            <Fields
              items={[
                ['Status', <StatusBadge key="s" status={d.status} />],
                ['Reason', humanize(d.reason)],
                ['Amount', <Money key="a" value={d.amountValue} currency={d.amountCurrency} fw={600} />],
                ['Opened (UTC)', <DateTime key="o" value={d.openDate} />],
                ['Respond by (UTC)', <DateTime key="r" value={d.respondByDate} />],
                ['Closed (UTC)', <DateTime key="c" value={d.closedDate} />],
                ['Buyer', d.buyerUsername],
                ['Account', accountName(d.accountId)],
              ]}
            />
          </Section>
          <Section title="Order">
            {order ? (
              <Fields items={linkedOrderFields(order)} />
            ) : (
              <NoneText>{d.orderId ? `Order ${d.orderId} is not synced.` : 'No order on this dispute.'}</NoneText>
            )}
          </Section>
          <Section title="eBay data">
            <Stack gap="xs">
              <RawJson value={d.raw} label="dispute summary JSON" />
              {d.detail !== null && <RawJson value={d.detail} label="dispute detail JSON" />}
            </Stack>
          </Section>
        </Stack>
      )}
    </DetailPage>
  );
}
