import { useAccounts } from '../../../../lib/api/get-accounts';

/** Account id -> its label (or a short id while the accounts load or for a deleted account). */
export function useAccountName(): (id: string | null | undefined) => string {
  const accounts = useAccounts();
  return (id) => {
    if (!id) return '—';
    const account = accounts.data?.accounts.find((a) => a.id === id);
    return account ? account.label : `${id.slice(0, 8)}…`;
  };
}
