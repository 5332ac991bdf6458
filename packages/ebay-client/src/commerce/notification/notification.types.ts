export interface NotificationPublicKey {
  /** `ECDSA`. */
  algorithm?: string;
  /** `SHA1`. */
  digest?: string;
  /** PEM without newlines as eBay sends it; see `publicKeyToPem`. */
  key: string;
}
