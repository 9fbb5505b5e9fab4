import { formatPhone } from '../../client/src/phone';

describe('formatPhone (numbers as Japanese numbers are written)', () => {
  it.each([
    ['0312345678', '03-1234-5678'],
    ['0661000120', '06-6100-0120'],
    ['0451234567', '045-123-4567'],
    ['09012345678', '090-1234-5678'],
    ['05012345678', '050-1234-5678'],
    ['0120123456', '0120-123-456'],
    ['08001234567', '0800-123-4567'],
    ['0570123456', '0570-123-456'],
  ])('%s → %s', (raw, grouped) => {
    expect(formatPhone(raw)).toBe(grouped);
  });

  it('leaves what is not a 10–11 digit number as it is (contract IDs, short numbers)', () => {
    expect(formatPhone('CAF12345678')).toBe('CAF12345678');
    expect(formatPhone('12345')).toBe('12345');
    expect(formatPhone('1234567890')).toBe('1234567890');
  });
});
