/**
 * The demo seed looks the same whichever month it is seeded in: the invariants the browser and API
 * tests rely on hold for every month of a year, with the clock injected (never the calendar).
 */
import type { Clock } from '../../server/src/clock';
import {
  addMonths,
  currentBillingMonth,
  DETAIL_MONTHS,
} from '../../server/src/modules/billing/billing-month';
import { billsNttComCalls, CARRIER, demoBilling } from '../../server/src/modules/billing/demo-billing';

const at = (iso: string): Clock => ({ now: () => new Date(iso) });

/** Mid-month in Japan time, for every month from Dec 2026 to Dec 2027. */
const CLOCKS = Array.from({ length: 13 }, (_, i) => at(`${addMonths('2026-12', i)}-15T12:00:00+09:00`));

const carriersOf = (month: ReturnType<typeof demoBilling>['months'][number], lineIndex: number) =>
  [...new Set(month.items.filter((i) => i.lineIndex === lineIndex).map((i) => i.carrierId))].sort();

describe.each(CLOCKS.map((clock) => [clock.now().toISOString(), clock]))(
  'demo billing seeded at %s',
  (_, clock) => {
    const current = currentBillingMonth(clock as Clock);
    const business = demoBilling('business', current);
    const family = demoBilling('family', current);

    it('has 15 months up to the current one, details for the last 4, the current one provisional', () => {
      for (const demo of [business, family]) {
        expect(demo.months.map((m) => m.month)).toEqual(
          Array.from({ length: 15 }, (_, i) => addMonths(current, i - 14)),
        );
        expect(demo.months.filter((m) => m.keepItems).map((m) => m.month)).toEqual(
          Array.from({ length: DETAIL_MONTHS }, (_, i) => addMonths(current, i - DETAIL_MONTHS + 1)),
        );
        expect(demo.months.at(-1)).toMatchObject({ status: 'PROVISIONAL', paymentStatus: 'UNPAID' });
        expect(demo.months.at(-2)).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'UNPAID' });
        expect(demo.months.slice(0, -2).every((m) => m.paymentStatus === 'PAID')).toBe(true);
      }
    });

    it('business: 120 lines, more than the picker lists (50), line 120 billed by NTT West alone', () => {
      expect(business.lines).toHaveLength(120);
      expect(business.lines[0].number).toBe('0661000001');
      expect(business.lines[119].number).toBe('0661000120');
      expect(business.lines.slice(50).length).toBeGreaterThan(0);
      for (const month of business.months) {
        // Every line has items every month; NTT Com carries calls on every third line only.
        for (let index = 0; index < 120; index++) {
          const expected = billsNttComCalls(index) ? [CARRIER.NTT_WEST, CARRIER.NTT_COM] : [CARRIER.NTT_WEST];
          expect(carriersOf(month, index)).toEqual(expected.sort());
        }
        expect(carriersOf(month, 119)).toEqual([CARRIER.NTT_WEST]);
      }
    });

    it('household: three lines under NTT East, docomo and OCN; a reduced-rate item in the current month', () => {
      expect(family.lines.map((l) => l.number)).toEqual(['0312345678', '09012345678', 'CAF1234567']);
      for (const month of family.months) {
        expect(carriersOf(month, 0)).toEqual([CARRIER.NTT_EAST, CARRIER.NTT_COM]);
        expect(carriersOf(month, 1)).toEqual([CARRIER.NTT_DOCOMO]);
        expect(carriersOf(month, 2)).toEqual([CARRIER.NTT_EAST, CARRIER.OCN]);
      }
      expect(family.months.at(-1)?.items.some((i) => i.taxRate === 8)).toBe(true);
    });

    it('is the same data whichever month it is seeded in (only the month labels move)', () => {
      const other = demoBilling('business', '2030-07');
      const strip = (d: typeof business) => d.months.map(({ month, issueDate, dueDate, ...rest }) => rest);
      expect(strip(business)).toEqual(strip(other));
    });
  },
);
