import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field paths pino blanks out, wherever they appear in a log line. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'token', 'accessToken', 'refreshToken', 'secret', 'authorization', 'cookie', 'authorizationCode', 'appSecret'].flatMap(
    (k) => [k, `*.${k}`, `*.*.${k}`],
  ),
];

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { service: 'ebay-connector' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination(1),
  );
}
