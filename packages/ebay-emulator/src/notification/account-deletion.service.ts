import { createHash, randomBytes, randomUUID, sign } from 'node:crypto';
import type { EmulatorState } from '../state/emulator-state';
import { buyerUsername } from '../data/buyers';

export interface AccountDeletionRequest {
  endpointUrl: string;
  verificationToken: string;
  userId?: string | undefined;
  username?: string | undefined;
  /** Change the body after signing, so the signature no longer matches. */
  tamper?: boolean | undefined;
  /** Send the notification even when the challenge fails. */
  force?: boolean | undefined;
}

export interface AccountDeletionReport {
  challenge: { ok: boolean; status: number | undefined; expected: string; received: string | undefined; error?: string };
  notification: { sent: boolean; status: number | undefined; notificationId: string; kid: string; tampered: boolean; error?: string; body?: unknown };
}

export function challengeResponse(challengeCode: string, verificationToken: string, endpointUrl: string): string {
  return createHash('sha256').update(challengeCode).update(verificationToken).update(endpointUrl).digest('hex');
}

/** Verify the endpoint with a challenge_code GET, then POST a signed MARKETPLACE_ACCOUNT_DELETION notification. */
export async function sendAccountDeletion(state: EmulatorState, req: AccountDeletionRequest): Promise<AccountDeletionReport> {
  const code = randomBytes(32).toString('hex');
  const expected = challengeResponse(code, req.verificationToken, req.endpointUrl);
  const challengeUrl = new URL(req.endpointUrl);
  challengeUrl.searchParams.set('challenge_code', code);
  const challenge: AccountDeletionReport['challenge'] = { ok: false, status: undefined, expected, received: undefined };
  try {
    const res = await fetch(challengeUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    challenge.status = res.status;
    const text = await res.text();
    try {
      const parsed = JSON.parse(text) as { challengeResponse?: unknown };
      challenge.received = typeof parsed.challengeResponse === 'string' ? parsed.challengeResponse : undefined;
    } catch {
      challenge.error = 'response is not JSON';
    }
    challenge.ok = res.status === 200 && challenge.received === expected;
  } catch (error) {
    challenge.error = error instanceof Error ? error.message : String(error);
  }

  const now = state.clock.now();
  const username = req.username ?? buyerUsername(state.options.seed, 1, 0);
  const userId = req.userId ?? createHash('sha1').update(username).digest('hex').slice(0, 24);
  const notificationId = randomUUID();
  const payload = {
    metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false },
    notification: {
      notificationId,
      eventDate: new Date(now).toISOString(),
      publishDate: new Date(now).toISOString(),
      publishAttemptCount: 1,
      data: { username, userId, eiasToken: Buffer.from(`nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6${userId}`).toString('base64') },
    },
  };
  const signedText = JSON.stringify(payload);
  const signature = sign('sha1', Buffer.from(signedText), state.signingKey.privateKey).toString('base64');
  const sentText = req.tamper ? JSON.stringify({ ...payload, notification: { ...payload.notification, data: { ...payload.notification.data, username: `${username}x` } } }) : signedText;
  const header = Buffer.from(JSON.stringify({ alg: 'ecdsa', kid: state.signingKey.kid, signature, digest: 'SHA1' })).toString('base64');
  const notification: AccountDeletionReport['notification'] = { sent: false, status: undefined, notificationId, kid: state.signingKey.kid, tampered: req.tamper === true };
  if (!challenge.ok && !req.force) {
    notification.error = 'endpoint verification failed; notification not sent';
    return { challenge, notification };
  }
  try {
    const res = await fetch(req.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ebay-signature': header },
      body: sentText,
      signal: AbortSignal.timeout(10_000),
    });
    notification.sent = true;
    notification.status = res.status;
    const text = await res.text();
    if (text) {
      try {
        notification.body = JSON.parse(text) as unknown;
      } catch {
        notification.body = text;
      }
    }
  } catch (error) {
    notification.error = error instanceof Error ? error.message : String(error);
  }
  return { challenge, notification };
}
