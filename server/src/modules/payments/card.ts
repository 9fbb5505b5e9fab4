import type { PolicyIssue } from '../../shared/policy-issue';

export type CardBrand = 'VISA' | 'MASTERCARD' | 'JCB' | 'AMEX' | 'DINERS';

/**
 * What a subscriber typed, already checked. It lives only for the length of one request: it is handed
 * to the provider and dropped; nothing here is written to the database or a log (PCI DSS: only the
 * brand and the last four digits may be kept).
 */
export interface CardDetails {
  number: string;
  expiryMonth: number;
  expiryYear: number;
  cvc: string;
  holderName: string | null;
  brand: CardBrand;
}

export interface CardInput {
  cardNumber: string;
  expiryMonth: number;
  expiryYear: number;
  cvc: string;
  holderName?: string | null;
}

/** Japanese keyboards often type full-width digits; spaces and dashes are how numbers are grouped. */
export function normalizeCardNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** By IIN range (the brands a Japanese merchant typically accepts); null for anything else. */
export function detectBrand(digits: string): CardBrand | null {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'VISA';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MASTERCARD';
  if (four >= 3528 && four <= 3589) return 'JCB';
  if (two === 34 || two === 37) return 'AMEX';
  if (two === 36 || two === 38 || two === 39 || (four >= 3000 && four <= 3059)) return 'DINERS';
  return null;
}

export const lastFour = (digits: string) => digits.slice(-4);

/**
 * Every problem with the card fields at once (for FieldErrors), or the checked card. The expiry month
 * is valid through its last day, in Japan time as printed on Japanese cards.
 */
export function checkCard(
  input: CardInput,
  today: { year: number; month: number },
): { issues: PolicyIssue[]; card: CardDetails | null } {
  const issues: PolicyIssue[] = [];
  const number = normalizeCardNumber(input.cardNumber ?? '');
  let brand: CardBrand | null = null;
  if (!number) issues.push({ field: 'cardNumber', code: 'REQUIRED' });
  else if (!/^[0-9]{12,19}$/.test(number) || !luhnValid(number)) {
    issues.push({ field: 'cardNumber', code: 'CARD_NUMBER_INVALID' });
  } else {
    brand = detectBrand(number);
    if (!brand) issues.push({ field: 'cardNumber', code: 'CARD_BRAND_UNSUPPORTED' });
  }

  const month = input.expiryMonth;
  // Two-digit years as printed on the card (MM/YY).
  const year = input.expiryYear < 100 ? 2000 + input.expiryYear : input.expiryYear;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    issues.push({ field: 'expiryMonth', code: 'CARD_EXPIRY_INVALID' });
  } else if (!Number.isInteger(year) || year < 2000 || year > today.year + 20) {
    issues.push({ field: 'expiryYear', code: 'CARD_EXPIRY_INVALID' });
  } else if (year * 12 + month < today.year * 12 + today.month) {
    issues.push({ field: 'expiryYear', code: 'CARD_EXPIRED' });
  }

  const cvc = (input.cvc ?? '').normalize('NFKC').trim();
  const cvcLength = brand === 'AMEX' ? /^[0-9]{4}$/ : /^[0-9]{3,4}$/;
  if (!cvc) issues.push({ field: 'cvc', code: 'REQUIRED' });
  else if (!cvcLength.test(cvc)) issues.push({ field: 'cvc', code: 'CVC_INVALID' });

  const holderName = input.holderName?.normalize('NFKC').trim() || null;
  if (holderName && [...holderName].length > 100) {
    issues.push({ field: 'holderName', code: 'HOLDER_NAME_TOO_LONG' });
  }

  if (issues.length > 0 || !brand) return { issues, card: null };
  return { issues, card: { number, expiryMonth: month, expiryYear: year, cvc, holderName, brand } };
}
