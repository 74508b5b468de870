import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'aw_';

/** A new secret token; only its hash is stored. High entropy, so a fast hash is enough to look it up. */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What the settings page shows of a token: enough to recognise it, nothing to use. */
export function tokenDisplayPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}
