import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { EbayAccount } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-client';

const callbackMessages: Record<string, string> = {
  access_denied: 'The consent was declined at eBay; no account was connected.',
  invalid_grant: 'eBay rejected the authorization code (used twice or expired). Start the connection again.',
  token_exchange_failed: 'eBay did not exchange the authorization code for tokens. Try again later.',
  get_user_failed: 'eBay did not tell which seller signed in. Try again later.',
  missing_code: 'eBay sent no authorization code back. Start the connection again.',
  callback_failed: 'The connection could not be completed on the server.',
};

/**
 * The outcome of the OAuth callback, which redirects to `/accounts?connected=<id>` or `?error=<code>&requestId=`. A
 * reconnect starts from `?reconnecting=<id>`: eBay lets the person sign in as any seller, and signing in as another
 * one connects that seller instead, which must not read as a successful reconnect.
 */
export function CallbackNotice(props: {
  accounts: EbayAccount[] | undefined;
  onRetry?: (() => void) | undefined;
  onReconnect?: ((account: EbayAccount) => void) | undefined;
}) {
  const { accounts, onReconnect } = props;
  const [params, setParams] = useSearchParams();
  const connected = params.get('connected');
  const error = params.get('error');
  const reconnecting = params.get('reconnecting');
  if (!connected && !error) return null;
  const meant = reconnecting ? accounts?.find((a) => a.id === reconnecting) : undefined;
  const onRetry = meant && onReconnect ? () => onReconnect(meant) : props.onRetry;

  const dismiss = () =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const key of ['connected', 'error', 'requestId', 'reconnecting']) next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (connected && reconnecting && connected !== reconnecting) {
    const account = accounts?.find((a) => a.id === connected);
    const other = account ? account.username : 'another seller';
    const wanted = meant ? meant.username : 'the account you meant';
    return (
      <Alert color="orange" variant="light" title="Signed in to eBay as another seller" data-testid="connect-mismatch" role="alert">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap="xs">
            <Text size="sm">
              You signed in to eBay as {other}, not {wanted}: {account ? account.label : other} was connected as a
              separate account; {meant ? meant.label : wanted} still needs reconnecting. Sign in to eBay as {wanted}{' '}
              to reconnect it.
            </Text>
            {meant && onReconnect && (
              <Group>
                <Button size="xs" color="orange" onClick={() => onReconnect(meant)}>
                  Reconnect {meant.label}
                </Button>
              </Group>
            )}
          </Stack>
          <CloseButton aria-label="Dismiss" onClick={dismiss} />
        </Group>
      </Alert>
    );
  }

  if (connected) {
    const account = accounts?.find((a) => a.id === connected);
    return (
      <Alert color="teal" variant="light" title="eBay account connected" data-testid="connect-success" role="status">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">
            {account
              ? `${account.label} (${account.username}, ${account.environment}) is connected and its tokens are stored.`
              : 'The account is connected and its tokens are stored.'}
          </Text>
          <CloseButton aria-label="Dismiss" onClick={dismiss} />
        </Group>
      </Alert>
    );
  }

  const code = error ?? 'oauth_error';
  const apiError = new ApiError({
    status: 400,
    code,
    message: callbackMessages[code] ?? `eBay answered the connection attempt with "${code}".`,
    requestId: params.get('requestId'),
  });
  return (
    <div data-testid="connect-error">
      <ErrorAlert
        error={apiError}
        title="The eBay account was not connected"
        {...(onRetry ? { onRetry: () => { dismiss(); onRetry(); } } : {})}
      />
    </div>
  );
}
