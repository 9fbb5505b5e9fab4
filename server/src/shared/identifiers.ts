/** The guides' 20 symbols, allowed in login IDs and passwords (the messages name them too). */
export const ALLOWED_SYMBOLS = '#$%()*+-./:;?@[]_{}~';

/**
 * IDs, phone numbers and emails accept full-width input: NFKC folds ＡＢＣ１２３ to ABC123.
 * Passwords are never normalised: what the user typed is what is hashed.
 */
export function normalizeIdentifier(value: string): string {
  return value.normalize('NFKC').trim();
}
