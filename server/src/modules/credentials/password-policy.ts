import { dictionary } from '@zxcvbn-ts/language-common';
import { ALLOWED_SYMBOLS } from '../../shared/identifiers';
import type { PolicyIssue } from '../../shared/policy-issue';
import { CredentialErrorCode as Code } from './credential-error-code.enum';

export const LOGIN_ID_MIN = 5;
export const LOGIN_ID_MAX = 31;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;
export const PASSWORD_HISTORY_DEPTH = 3;

const symbolSet = new Set(ALLOWED_SYMBOLS);
const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isDigit = (c: string) => /^[0-9]$/.test(c);
const isAllowed = (c: string) => isAsciiLetter(c) || isDigit(c) || symbolSet.has(c);
/** Full-width forms (U+FF01–FF5E), the ideographic space and other non-ASCII characters a Japanese IME emits. */
const isFullWidth = (c: string) => /[\u3000\uFF01-\uFF5E]/.test(c);

// ~49k entries from zxcvbn-ts's maintained list (ASVS 5.0 6.2.4 asks for at least 10,000).
const commonPasswords = new Set<string>(dictionary['passwords-common'] as string[]);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/** Rules for a login ID chosen by the subscriber. `loginId` must already be normalised. */
export function checkLoginId(loginId: string, field = 'newLoginId'): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const chars = [...loginId];
  if (chars.length === 0) return [{ field, code: Code.REQUIRED }];
  if (chars.length < LOGIN_ID_MIN) issues.push({ field, code: Code.LOGIN_ID_TOO_SHORT });
  if (chars.length > LOGIN_ID_MAX) issues.push({ field, code: Code.LOGIN_ID_TOO_LONG });
  if (!chars.every(isAllowed)) issues.push({ field, code: Code.LOGIN_ID_INVALID_CHARACTERS });
  if (!chars.some(isAsciiLetter) || !chars.some(isDigit)) {
    issues.push({ field, code: Code.LOGIN_ID_NEEDS_LETTER_AND_DIGIT });
  }
  return issues;
}

/** Composition rules for a new password (history and the confirmation are checked by the caller). */
export function checkPassword(
  password: string,
  loginId: string | null,
  field = 'newPassword',
): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const chars = [...password];
  if (chars.length === 0) return [{ field, code: Code.REQUIRED }];
  if (chars.length < PASSWORD_MIN) issues.push({ field, code: Code.PASSWORD_TOO_SHORT });
  if (chars.length > PASSWORD_MAX) issues.push({ field, code: Code.PASSWORD_TOO_LONG });
  if (chars.some(isFullWidth)) issues.push({ field, code: Code.PASSWORD_FULL_WIDTH });
  else if (!chars.every(isAllowed)) issues.push({ field, code: Code.PASSWORD_INVALID_CHARACTERS });
  const classes = [
    chars.some((c) => /[A-Z]/.test(c)),
    chars.some((c) => /[a-z]/.test(c)),
    chars.some(isDigit),
    chars.some((c) => symbolSet.has(c)),
  ].filter(Boolean).length;
  if (classes < 3) issues.push({ field, code: Code.PASSWORD_TOO_FEW_CHARACTER_CLASSES });
  if (loginId && password.toLowerCase().includes(loginId.toLowerCase())) {
    issues.push({ field, code: Code.PASSWORD_CONTAINS_LOGIN_ID });
  }
  if (isCommonPassword(password)) issues.push({ field, code: Code.PASSWORD_TOO_COMMON });
  return issues;
}

/** Initial credentials: 7-char ID and 8-char password from an alphabet without look-alikes (0/O, 1/l/I). */
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PW_LOWER = 'abcdefghjkmnpqrstuvwxyz';
const PW_UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PW_DIGITS = '23456789';
export const INITIAL_LOGIN_ID_LENGTH = 7;
export const INITIAL_PASSWORD_LENGTH = 8;

export function generateInitialLoginId(randomInt: (max: number) => number): string {
  let id = '';
  // First character a letter and at least one digit, so it also satisfies the chosen-ID shape.
  id += PW_LOWER[randomInt(PW_LOWER.length)];
  while (id.length < INITIAL_LOGIN_ID_LENGTH) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  if (!/[0-9]/.test(id)) {
    const at = 1 + randomInt(INITIAL_LOGIN_ID_LENGTH - 1);
    id = id.slice(0, at) + PW_DIGITS[randomInt(PW_DIGITS.length)] + id.slice(at + 1);
  }
  return id;
}

export function generateInitialPassword(randomInt: (max: number) => number): string {
  const all = PW_LOWER + PW_UPPER + PW_DIGITS;
  const chars = [
    PW_LOWER[randomInt(PW_LOWER.length)],
    PW_UPPER[randomInt(PW_UPPER.length)],
    PW_DIGITS[randomInt(PW_DIGITS.length)],
  ];
  while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(all[randomInt(all.length)]);
  // Fisher–Yates so the guaranteed classes are not always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
