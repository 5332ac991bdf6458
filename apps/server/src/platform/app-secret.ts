import { join } from 'node:path';
import type { Config } from './config';
import { readOrCreateSecretFile } from './secret-file';

export const appSecretPath = (dataDir: string): string => join(dataDir, 'app-secret');

/** `APP_SECRET` when set, else the secret generated on first start in `DATA_DIR/app-secret` (0600). */
export function resolveAppSecret(config: Config): string {
  return config.appSecret ?? readOrCreateSecretFile(appSecretPath(config.dataDir), 48);
}
