import { randomInt } from 'node:crypto';
import { normalizePhoneNumber } from '../../server/src/modules/billing/phone-number';
import { CredentialErrorCode as Code } from '../../server/src/modules/credentials/credential-error-code.enum';
import {
  checkLoginId,
  checkPassword,
  generateInitialLoginId,
  generateInitialPassword,
  isCommonPassword,
} from '../../server/src/modules/credentials/password-policy';
import { ALLOWED_SYMBOLS, normalizeIdentifier } from '../../server/src/shared/identifiers';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('login ID rules (SPEC 2.1)', () => {
  it('accepts exactly 5 and exactly 31 characters', () => {
    expect(checkLoginId('abc12')).toEqual([]);
    expect(checkLoginId(`a1${'b'.repeat(29)}`)).toEqual([]);
  });

  it('refuses 4 and 32 characters', () => {
    expect(codes(checkLoginId('ab12'))).toEqual([Code.LOGIN_ID_TOO_SHORT]);
    expect(codes(checkLoginId(`a1${'b'.repeat(30)}`))).toEqual([Code.LOGIN_ID_TOO_LONG]);
  });

  it('needs both a letter and a digit', () => {
    expect(codes(checkLoginId('1234567'))).toEqual([Code.LOGIN_ID_NEEDS_LETTER_AND_DIGIT]);
    expect(codes(checkLoginId('abcdefg'))).toEqual([Code.LOGIN_ID_NEEDS_LETTER_AND_DIGIT]);
    expect(codes(checkLoginId('#$%()*+'))).toEqual([Code.LOGIN_ID_NEEDS_LETTER_AND_DIGIT]);
  });

  it.each([...ALLOWED_SYMBOLS])('allows the symbol %s', (symbol) => {
    expect(checkLoginId(`taro1${symbol}`)).toEqual([]);
  });

  it.each(['!', '&', '=', ' ', '"', "'", '<', '^', '|', ',', 'é', 'あ'])('refuses the character %j', (c) => {
    expect(codes(checkLoginId(`taro1${c}`))).toContain(Code.LOGIN_ID_INVALID_CHARACTERS);
  });

  it('reports every failing rule at once', () => {
    expect(codes(checkLoginId('a!'))).toEqual([
      Code.LOGIN_ID_TOO_SHORT,
      Code.LOGIN_ID_INVALID_CHARACTERS,
      Code.LOGIN_ID_NEEDS_LETTER_AND_DIGIT,
    ]);
  });

  it('folds full-width input to one-byte before checking', () => {
    const typed = 'ｔａｒｏ２０２４';
    expect(normalizeIdentifier(typed)).toBe('taro2024');
    expect(checkLoginId(normalizeIdentifier(typed))).toEqual([]);
  });

  it('reports an empty ID as required, not as five other rules', () => {
    expect(codes(checkLoginId(''))).toEqual([Code.REQUIRED]);
  });
});

describe('password rules (SPEC 2.1)', () => {
  it('accepts exactly 8 and exactly 32 characters', () => {
    expect(checkPassword('Kp7#wQzr', 'taro2024')).toEqual([]);
    expect(checkPassword(`Kp7#${'w'.repeat(28)}`, 'taro2024')).toEqual([]);
  });

  it('refuses 7 and 33 characters', () => {
    expect(codes(checkPassword('Kp7#wQz', null))).toEqual([Code.PASSWORD_TOO_SHORT]);
    expect(codes(checkPassword(`Kp7#${'w'.repeat(29)}`, null))).toEqual([Code.PASSWORD_TOO_LONG]);
  });

  it('needs three of the four classes', () => {
    expect(codes(checkPassword('kpwqzrtx', null))).toContain(Code.PASSWORD_TOO_FEW_CHARACTER_CLASSES);
    expect(codes(checkPassword('kpwqzrt7', null))).toContain(Code.PASSWORD_TOO_FEW_CHARACTER_CLASSES);
    expect(checkPassword('kpwqzrT7', null)).toEqual([]); // lower + upper + digit
    expect(checkPassword('kpwqzr#7', null)).toEqual([]); // lower + symbol + digit
    expect(checkPassword('KPWQZR#t', null)).toEqual([]); // upper + symbol + lower
    expect(codes(checkPassword('KPWQZR#T', null))).toEqual([Code.PASSWORD_TOO_FEW_CHARACTER_CLASSES]);
  });

  it.each([...ALLOWED_SYMBOLS])('allows the symbol %s as a class', (symbol) => {
    expect(checkPassword(`kpwqzr7${symbol}`, null)).toEqual([]);
  });

  it('refuses characters outside the 20 symbols and names the rule', () => {
    expect(codes(checkPassword('Kp7wQzr!', null))).toEqual([Code.PASSWORD_INVALID_CHARACTERS]);
    expect(codes(checkPassword('Kp7 wQzr', null))).toEqual([Code.PASSWORD_INVALID_CHARACTERS]);
  });

  it('rejects full-width characters instead of silently converting them', () => {
    expect(codes(checkPassword('Ｋｐ７＃ｗＱｚｒ', null))).toContain(Code.PASSWORD_FULL_WIDTH);
    expect(codes(checkPassword('Kp7#wQzr\u3000', null))).toContain(Code.PASSWORD_FULL_WIDTH);
  });

  it('refuses a password containing the login ID, in any case', () => {
    expect(codes(checkPassword('xxTARO2024#', 'taro2024'))).toEqual([Code.PASSWORD_CONTAINS_LOGIN_ID]);
    expect(codes(checkPassword('Taro2024#x', 'tArO2024'))).toEqual([Code.PASSWORD_CONTAINS_LOGIN_ID]);
  });

  it('refuses common passwords, whatever their case', () => {
    expect(isCommonPassword('Password1')).toBe(true);
    expect(codes(checkPassword('Password1', null))).toEqual([Code.PASSWORD_TOO_COMMON]);
    expect(codes(checkPassword('Qwerty123', null))).toContain(Code.PASSWORD_TOO_COMMON);
    expect(isCommonPassword('Kp7#wQzr')).toBe(false);
  });

  it('reports every failing rule at once', () => {
    expect(codes(checkPassword('taro1', 'taro1'))).toEqual([
      Code.PASSWORD_TOO_SHORT,
      Code.PASSWORD_TOO_FEW_CHARACTER_CLASSES,
      Code.PASSWORD_CONTAINS_LOGIN_ID,
    ]);
  });
});

describe('initial credentials', () => {
  it('are 7 and 8 one-byte alphanumerics without look-alikes, the password mixing case and digits', () => {
    for (let i = 0; i < 500; i++) {
      const id = generateInitialLoginId(randomInt);
      const pw = generateInitialPassword(randomInt);
      expect(id).toMatch(/^[a-z2-9]{7}$/);
      expect(id).toMatch(/[0-9]/);
      expect(pw).toMatch(/^[A-Za-z2-9]{8}$/);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/[0-9]/);
      expect(`${id}${pw}`).not.toMatch(/[01oOlIi]/);
      expect(checkLoginId(id)).toEqual([]);
    }
  });
});

describe('phone numbers', () => {
  it('accept dashes, spaces and full-width digits', () => {
    expect(normalizePhoneNumber('090-1234-5678')).toBe('09012345678');
    expect(normalizePhoneNumber('０９０－１２３４－５６７８')).toBe('09012345678');
    expect(normalizePhoneNumber(' 03 1234 5678 ')).toBe('0312345678');
    expect(normalizePhoneNumber('0012345678')).toBe('0012345678');
  });

  it('refuse what is not 10–11 digits', () => {
    expect(normalizePhoneNumber('12345')).toBeNull();
    expect(normalizePhoneNumber('090-1234-567a')).toBeNull();
    expect(normalizePhoneNumber('')).toBeNull();
  });
});
