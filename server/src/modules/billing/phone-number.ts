/**
 * Phone and contract numbers accept what people type: full-width digits, dashes of every width,
 * spaces and brackets (SPEC §2.1). Returns digits only, or null when it is not 10–11 digits.
 */
export function normalizePhoneNumber(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー()（）]/g, '');
  return /^[0-9]{10,11}$/.test(digits) ? digits : null;
}
