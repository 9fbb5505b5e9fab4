import { DocumentLink, documentText } from '../../components/DocumentLink';
import { fill, formatYen, LOCALE } from '../../format';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import { ReceiptFieldsFragmentDoc } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { payText } from './strings';

const BRAND: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  JCB: 'JCB',
  AMEX: 'American Express',
  DINERS: 'Diners Club',
};

/** 領収情報 of a paid bill; a card appears as brand and last four digits only (all the server keeps). */
export function ReceiptCard(props: {
  receipt: FragmentType<typeof ReceiptFieldsFragmentDoc>;
  /** The bill's month, YYYY-MM: the receipt's PDF is the month's. */
  month: string;
}) {
  const { lang, s } = useI18n(payText);
  const documents = useI18n(documentText).s;
  const receipt = getFragmentData(ReceiptFieldsFragmentDoc, props.receipt);
  const method =
    receipt.method === 'CARD' ? s.methodCard : receipt.method === 'PAYEASY' ? s.methodPayEasy : s.methodOTHER;
  const paidAt = new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(receipt.paidAt));
  return (
    <section class="card" aria-labelledby="receipt-title" data-testid="receipt">
      <h2 id="receipt-title" class="card__title">
        {s.receiptTitle}
      </h2>
      <dl class="props">
        <div>
          <dt>{s.receiptMethod}</dt>
          <dd data-testid="receipt-method">{method}</dd>
        </div>
        {receipt.cardBrand ? (
          <div>
            <dt>{s.receiptCard}</dt>
            <dd data-testid="receipt-card">
              {fill('{brand} •••• {last4}', {
                brand: BRAND[receipt.cardBrand] ?? receipt.cardBrand,
                last4: receipt.cardLast4 ?? '',
              })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{s.receiptAmount}</dt>
          <dd class="amount" data-testid="receipt-amount">
            {formatYen(receipt.amount, lang)}
          </dd>
        </div>
        <div>
          <dt>{s.receiptPaidAt}</dt>
          <dd data-testid="receipt-paid-at">{paidAt}</dd>
        </div>
        {receipt.reference ? (
          <div>
            <dt>{s.receiptReference}</dt>
            <dd class="mono" data-testid="receipt-reference">
              {receipt.reference}
            </dd>
          </div>
        ) : null}
      </dl>
      <div class="actions">
        <DocumentLink
          href={`/documents/receipts/${props.month}.pdf`}
          label={documents.receiptPdf}
          testId="receipt-pdf"
        />
      </div>
    </section>
  );
}
