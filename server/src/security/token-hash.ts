import { createHash } from 'node:crypto';

/**
 * How every high-entropy secret we hand out is stored (session tokens, operator sessions, API keys,
 * mailed link tokens): 256 random bits need no slow hash, SHA-256 is enough and lookups stay indexed.
 */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Touching last_seen_at / last_used_at on every request would turn reads into writes; a minute's slack is plenty. */
export const LAST_SEEN_SLACK_MS = 60_000;
