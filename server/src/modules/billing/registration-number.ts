/**
 * Qualified-invoice issuer registration numbers (適格請求書発行事業者登録番号): `T` and 13 digits. A
 * corporation's 13 digits are its corporate number (法人番号), whose first digit checks the other 12
 * (Ministry of Finance ordinance on corporate numbers, art. 2): 9 − (Σ Pn × Qn mod 9), Pn being the
 * nth digit of the 12 counted from the right, Qn 1 for odd n and 2 for even n. A sole proprietor's
 * number is not a corporate number; the carriers billed here are corporations, so every number must
 * pass the check. (Being mod 9, it cannot tell a 0 from a 9; every other single-digit slip shows.)
 */

export type RegistrationNumberIssue = 'REGISTRATION_NUMBER_FORMAT' | 'REGISTRATION_NUMBER_CHECK_DIGIT';

/** The check digit (1–9) of a 12-digit base number. */
export function corporateCheckDigit(base: string): number {
  if (!/^[0-9]{12}$/.test(base)) throw new Error('a base number is 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/**
 * As people copy it: full-width characters (Ｔ１０１…), a lower-case t, spaces and dashes between digit
 * groups are accepted and normalised away; anything else is refused.
 */
export function normalizeRegistrationNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―−ー]/g, '')
    .toUpperCase();
}

/** The normalised number, or why it is not one. */
export function checkRegistrationNumber(
  input: string,
): { ok: true; value: string } | { ok: false; issue: RegistrationNumberIssue } {
  const value = normalizeRegistrationNumber(input);
  if (!/^T[0-9]{13}$/.test(value)) return { ok: false, issue: 'REGISTRATION_NUMBER_FORMAT' };
  if (corporateCheckDigit(value.slice(2)) !== Number(value[1]))
    return { ok: false, issue: 'REGISTRATION_NUMBER_CHECK_DIGIT' };
  return { ok: true, value };
}
