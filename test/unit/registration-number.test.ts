import {
  checkRegistrationNumber,
  corporateCheckDigit,
} from '../../server/src/modules/billing/registration-number';

describe('qualified-invoice registration numbers (T + corporate number, check digit per the ordinance)', () => {
  // Published corporate numbers (法人番号公表サイト) of carriers the demo ships, and the worked example
  // of the rule: base 123456789012 → check digit 7.
  it.each([
    ['T1010001067912'], // 株式会社NTTドコモ
    ['T7120001077523'], // 西日本電信電話株式会社
    ['T9999999999999'], // the demo's made-up OCN issuer: valid by construction
  ])('accepts %s', (number) => {
    expect(checkRegistrationNumber(number)).toEqual({ ok: true, value: number });
  });

  it('computes the check digit as 9 − (Σ Pn × Qn mod 9), Pn counted from the right, Qn 1 (odd n) or 2 (even n)', () => {
    expect(corporateCheckDigit('010001067912')).toBe(1);
    expect(corporateCheckDigit('123456789012')).toBe(7);
    // A remainder of 0 gives 9, never 0: a corporate number never starts with 0.
    expect(corporateCheckDigit('999999999999')).toBe(9);
    for (let i = 0; i < 200; i++) {
      const base = String(i * 48_271 * 7_919)
        .padStart(12, '0')
        .slice(-12);
      expect(corporateCheckDigit(base)).toBeGreaterThanOrEqual(1);
      expect(corporateCheckDigit(base)).toBeLessThanOrEqual(9);
    }
  });

  it('refuses a wrong check digit, and a mistyped digit of a real number (but 0 ↔ 9, which mod 9 cannot see)', () => {
    expect(checkRegistrationNumber('T2010001067912')).toEqual({
      ok: false,
      issue: 'REGISTRATION_NUMBER_CHECK_DIGIT',
    });
    const real = 'T1010001067912';
    for (let position = 2; position < real.length; position++) {
      const digit = Number(real[position]);
      // One more (weight 1 or 2, never a multiple of 9): always caught.
      if (digit < 9) {
        const typo = `${real.slice(0, position)}${digit + 1}${real.slice(position + 1)}`;
        expect(checkRegistrationNumber(typo).ok).toBe(false);
      }
    }
    // The scheme's known blind spot: 0 and 9 weigh the same mod 9.
    expect(checkRegistrationNumber('T1019001067912').ok).toBe(true);
  });

  it.each([
    ['1010001067912', 'no T'],
    ['T101000106791', '12 digits'],
    ['T10100010679120', '14 digits'],
    ['T101000106791A', 'a letter'],
    ['', 'empty'],
    ['TT1010001067912', 'two Ts'],
  ])('refuses %s (%s) as not T + 13 digits', (number) => {
    expect(checkRegistrationNumber(number)).toEqual({ ok: false, issue: 'REGISTRATION_NUMBER_FORMAT' });
  });

  it('normalises what people copy: full-width characters, a lower-case t, spaces and dashes', () => {
    for (const written of [
      'Ｔ１０１０００１０６７９１２',
      't1010001067912',
      ' T1-0100-0106-7912 ',
      'T 1010 0010 67912',
    ]) {
      expect(checkRegistrationNumber(written)).toEqual({ ok: true, value: 'T1010001067912' });
    }
  });
});
