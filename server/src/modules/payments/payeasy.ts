import { randomInt } from 'node:crypto';
import type { Lang } from '../../i18n/messages';
import { luhnValid } from './card';

/** お客様番号 length: Pay-easy allows up to 20 digits; 16 keeps it easy to key in at an ATM. */
const CUSTOMER_NUMBER_DIGITS = 16;

const randomDigits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/**
 * A random お客様番号 ending in a mod-10 check digit, so a mistyped number is refused at the ATM
 * rather than matched to someone else's bill. Uniqueness is the database's job (UNIQUE, retried).
 */
export function newPayEasyCustomerNumber(): string {
  const body = randomDigits(CUSTOMER_NUMBER_DIGITS - 1);
  for (let check = 0; check < 10; check++) {
    if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  }
  throw new Error('unreachable: one check digit always satisfies mod 10');
}

/** 確認番号: six digits, a second factor the payer keys in with the customer number. */
export function newPayEasyConfirmationNumber(): string {
  return randomDigits(6);
}

/** How to pay with the three numbers (shown under the slip; the numbers themselves are fields). */
export function payEasyInstructions(lang: Lang): string[] {
  return lang === 'ja'
    ? [
        'Pay-easy（ペイジー）マークのある銀行ATM、またはインターネットバンキング・モバイルバンキングでお支払いいただけます。',
        'ATM: 「税金・料金払込み」を選び、収納機関番号、お客様番号、確認番号の順に入力し、表示されたご請求額を確認してお支払いください。',
        'インターネットバンキング: ログイン後「税金・各種料金の払込み（Pay-easy）」を選び、同じ3つの番号を入力してください。',
        '支払期限を過ぎると、この番号ではお支払いいただけません。期限後は本画面から新しい番号を発行してください。',
        'ATMの利用明細書が領収書となります。お支払いの反映には数日かかることがあります。',
      ]
    : [
        'Pay at a bank ATM showing the Pay-easy mark, or through your online or mobile banking.',
        'ATM: choose "Taxes and fees payment" (税金・料金払込み), enter the collection agency number, the customer number and the confirmation number in that order, check the amount shown, and pay.',
        'Online banking: after logging in choose "Taxes and fees (Pay-easy)" and enter the same three numbers.',
        'After the payment deadline these numbers no longer work; issue new ones from this screen.',
        'The ATM slip is your receipt. The payment may take a few days to show here.',
      ];
}
