/**
 * A phone or line number grouped as Japanese numbers are written (0312345678 → 03-1234-5678,
 * 09012345678 → 090-1234-5678). Fixed-line area codes run from 2 to 5 digits and only a table
 * knows them: 03 and 06 are grouped 2-4-4, every other 10-digit number 3-3-4 (the common case);
 * anything that is not 10–11 digits starting with 0 (a contract ID) is shown as it is.
 */
export function formatPhone(number: string): string {
  const n = number.replace(/[-\s]/g, '');
  if (!/^0\d{9,10}$/.test(n)) return number;
  if (n.length === 11) {
    if (/^0800/.test(n)) return `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`;
    return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`; // 090/080/070/050/020
  }
  if (/^0(120|570|990)/.test(n)) return `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`;
  if (/^0[36]/.test(n)) return `${n.slice(0, 2)}-${n.slice(2, 6)}-${n.slice(6)}`;
  return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
}
