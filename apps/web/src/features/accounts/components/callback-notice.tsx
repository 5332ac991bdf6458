import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EbayAccount } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api-client';
import { hasCallbackParams, readCallbackOutcome, sameOutcome, withoutCallbackParams } from './callback-outcome';
import { wrapAnywhere } from './long-label';

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
 *
 * Shown once: the parameters are read into this page view and removed from the URL (history replace), so a reload
 * or a bookmark does not announce the connection again; the notice stays until dismissed or the page is left.
 */
export function CallbackNotice(props: {
  accounts: EbayAccount[] | undefined;
  onRetry?: (() => void) | undefined;
  onReconnect?: ((account: EbayAccount) => void) | undefined;
}) {
  const { accounts, onReconnect } = props;
  const [params, setParams] = useSearchParams();
  const fromUrl = readCallbackOutcome(params);
  const [outcome, setOutcome] = useState(fromUrl);
  if (fromUrl && !sameOutcome(fromUrl, outcome)) setOutcome(fromUrl);
  const account = outcome?.kind === 'connected' ? accounts?.find((a) => a.id === outcome.accountId) : undefined;

  useEffect(() => {
    if (hasCallbackParams(params)) setParams((p) => withoutCallbackParams(p), { replace: true });
  }, [params, setParams]);

  if (!outcome) return null;
  const reconnecting = outcome.reconnecting;
  const meant = reconnecting ? accounts?.find((a) => a.id === reconnecting) : undefined;
  const onRetry = meant && onReconnect ? () => onReconnect(meant) : props.onRetry;

  const dismiss = () => {
    setOutcome(null);
    if (hasCallbackParams(params)) setParams((p) => withoutCallbackParams(p), { replace: true });
  };

  if (outcome.kind === 'connected' && reconnecting && outcome.accountId !== reconnecting) {
    const other = account ? account.username : 'another seller';
    const wanted = meant ? meant.username : 'the account you meant';
    const what = !account
      ? ''
      : outcome.created === false
        ? ` ${account.label} was already connected here, and its connection was renewed;`
        : ` ${account.label} was connected as a separate account;`;
    return (
      <Alert color="orange" variant="light" title="Signed in to eBay as another seller" data-testid="connect-mismatch" role="alert" style={wrapAnywhere}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap="xs">
            <Text size="sm">
              You signed in to eBay as {other}, not {wanted}:{what} {meant ? meant.label : wanted} still needs
              reconnecting. Sign in to eBay as {wanted} to reconnect it.
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

  if (outcome.kind === 'connected') {
    return (
      <Alert color="teal" variant="light" title="eBay account connected" data-testid="connect-success" role="status" style={wrapAnywhere}>
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

  const code = outcome.code;
  const apiError = new ApiError({
    status: 400,
    code,
    message: callbackMessages[code] ?? `eBay answered the connection attempt with "${code}".`,
    requestId: outcome.requestId,
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
