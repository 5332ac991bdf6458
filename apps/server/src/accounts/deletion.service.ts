import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { AccountDataRegistry } from './account-data.registry';
import type { AnonymisedEntry } from './accounts.tables';
import { insertDeletionAudit, setDeletionAuditResult } from './deletion.repository';
import { parseSignatureHeader, publicKeyFromEbay, verifyNotificationSignature } from './deletion-signature';

const notificationSchema = z.object({
  metadata: z.object({ topic: z.string() }).loose(),
  notification: z
    .object({
      notificationId: z.string().min(1).max(200),
      eventDate: z.string().optional(),
      data: z.object({ username: z.string(), userId: z.string().min(1), eiasToken: z.string().optional() }).loose(),
    })
    .loose(),
});

/** Fetches eBay's notification public key (Notification API getPublicKey, application token). */
export type PublicKeyFetcher = (kid: string) => Promise<{ key: string }>;

export type DeletionOutcome =
  | { kind: 'applied'; notificationId: string; anonymised: AnonymisedEntry[] }
  | { kind: 'duplicate'; notificationId: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'bad_signature'; reason: string };

const KEY_TTL_MS = 60 * 60 * 1000;

export function createDeletionService(deps: {
  db: Db;
  registry: AccountDataRegistry;
  fetchPublicKey: PublicKeyFetcher;
  logger: Logger;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const keys = new Map<string, { key: KeyObject; expiresAt: number }>();

  async function keyFor(kid: string): Promise<KeyObject> {
    const cached = keys.get(kid);
    if (cached && cached.expiresAt > now()) return cached.key;
    const { key } = await deps.fetchPublicKey(kid);
    const parsed = publicKeyFromEbay(key);
    keys.set(kid, { key: parsed, expiresAt: now() + KEY_TTL_MS });
    return parsed;
  }

  async function apply(notificationId: string, user: { userId: string; username: string }, eventDate: Date | null) {
    const replacement = `deleted-user-${createHash('sha256').update(user.userId).digest('hex').slice(0, 12)}`;
    return deps.db.transaction().execute(async (trx) => {
      const claimed = await insertDeletionAudit(trx, {
        notificationId,
        ebayUserId: user.userId,
        usernameHash: createHash('sha256').update(user.username).digest('hex'),
        eventDate,
      });
      if (!claimed) return null;
      const anonymised: AnonymisedEntry[] = [];
      for (const a of deps.registry.anonymisers()) {
        anonymised.push({ name: a.name, rows: await a.anonymise(trx, { ebayUserId: user.userId, username: user.username }, replacement) });
      }
      await setDeletionAuditResult(trx, notificationId, anonymised);
      return anonymised;
    });
  }

  return {
    /** Verifies the signature (throws only when eBay's key cannot be fetched), then anonymises once per id. */
    async handle(body: unknown, signatureHeader: string | undefined): Promise<DeletionOutcome> {
      const header = parseSignatureHeader(signatureHeader);
      if (!header) return { kind: 'bad_signature', reason: 'missing or malformed X-EBAY-SIGNATURE' };
      const key = await keyFor(header.kid);
      if (!verifyNotificationSignature(body, header, key)) return { kind: 'bad_signature', reason: 'signature does not match' };
      const parsed = notificationSchema.safeParse(body);
      if (!parsed.success) return { kind: 'ignored', reason: 'not a deletion notification payload' };
      const { metadata, notification } = parsed.data;
      if (metadata.topic !== 'MARKETPLACE_ACCOUNT_DELETION') return { kind: 'ignored', reason: `topic ${metadata.topic}` };
      const eventDate = notification.eventDate && !Number.isNaN(Date.parse(notification.eventDate)) ? new Date(notification.eventDate) : null;
      const anonymised = await apply(notification.notificationId, notification.data, eventDate);
      if (anonymised === null) return { kind: 'duplicate', notificationId: notification.notificationId };
      deps.logger.info({ notificationId: notification.notificationId, anonymised }, 'marketplace account deletion applied');
      return { kind: 'applied', notificationId: notification.notificationId, anonymised };
    },
  };
}

export type DeletionService = ReturnType<typeof createDeletionService>;
