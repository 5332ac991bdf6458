import type { EbayAccount } from '@ebay-connector/contract';

type Named = Pick<EbayAccount, 'id' | 'label' | 'username'>;

/** How an account reads in an Account select: its label and eBay username. */
export const accountOptionLabel = (a: Pick<Named, 'label' | 'username'>): string => `${a.label} (${a.username})`;

/**
 * Props of an Account select showing `selected`: a long label (up to 100 characters) is cut with an ellipsis by the
 * select's fixed width and named in full on hover.
 */
export function accountSelectLook(accounts: readonly Named[], selected: string | undefined) {
  const account = selected ? accounts.find((a) => a.id === selected) : undefined;
  return { title: account ? accountOptionLabel(account) : undefined, styles: { input: { textOverflow: 'ellipsis' } } } as const;
}
