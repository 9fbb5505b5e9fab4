import { formatMonth, formatYen } from '../../client/src/format';

describe('formatYen', () => {
  it('groups thousands as Intl.NumberFormat("ja-JP") does, for every size and sign', () => {
    const intl = new Intl.NumberFormat('ja-JP');
    const amounts = [
      0, 1, 12, 123, 1234, 12345, 123456, 1234567, 1000000, 987654321012, -1, -999, -1000, -7654321,
    ];
    for (const amount of amounts) {
      expect(formatYen(amount, 'ja')).toBe(`${intl.format(amount)}円`);
      expect(formatYen(amount, 'en')).toBe(`${amount < 0 ? '-' : ''}¥${intl.format(Math.abs(amount))}`);
    }
  });

  it('writes months in each language', () => {
    expect(formatMonth('2026-11', 'ja')).toBe('2026年11月');
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
  });
});
