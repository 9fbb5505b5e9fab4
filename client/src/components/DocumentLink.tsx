// Downloads of the bill's documents (server: /documents/…). Plain links: the browser sends the session
// cookie itself (same origin), saves the file on a PC and opens the PDF on a phone; nothing is fetched
// by script, and the service worker leaves /documents/ to the network.
import { defineText, useI18n } from '../i18n';

export const documentText = defineText({
  ja: {
    billPdf: '請求書（PDF）をダウンロード',
    breakdownCsv: 'ご請求内訳（CSV）をダウンロード',
    receiptPdf: '領収書（PDF）をダウンロード',
    certificatePdf: '料金支払証明書（PDF）をダウンロード',
    billHint: '適格請求書として、通信事業者ごとの登録番号と税率ごとの消費税を記載しています。',
    csvHint: '全回線の内訳をExcelなどで開けるCSV形式（UTF-8）で保存できます。',
    certificateTitle: '料金支払証明書',
    certificateLead:
      'お支払い済みのご請求（当月を含む過去15か月分）について、期間を選んで証明書を発行できます。',
    from: '開始月',
    to: '終了月',
    choose: '選択してください',
    periodInvalid: '開始月は終了月以前の月を選んでください。',
  },
  en: {
    billPdf: 'Download the bill (PDF)',
    breakdownCsv: 'Download the breakdown (CSV)',
    receiptPdf: 'Download the receipt (PDF)',
    certificatePdf: 'Download the payment certificate (PDF)',
    billHint:
      'A qualified invoice: each carrier’s registration number and the consumption tax per rate (in Japanese).',
    csvHint: 'Every line’s charges as CSV (UTF-8), for Excel and other spreadsheets.',
    certificateTitle: 'Payment certificate',
    certificateLead:
      'A certificate of the bills you have paid, for a period you choose within the past 15 months.',
    from: 'From',
    to: 'To',
    choose: 'Please choose',
    periodInvalid: 'Choose a first month no later than the last month.',
  },
});

/** A document to download, as a button-styled link; its text says what and in which format. */
export function DocumentLink(props: { href: string; label: string; testId: string; hint?: string }) {
  return (
    <div class="document-link">
      <a href={props.href} download class="button button--secondary" data-testid={props.testId}>
        {props.label}
      </a>
      {props.hint ? <p class="hint document-link__hint">{props.hint}</p> : null}
    </div>
  );
}

/** The documents of one month's bill: its PDF, and its CSV while the details are kept. */
export function BillDocuments({ month, detailsAvailable }: { month: string; detailsAvailable: boolean }) {
  const { s } = useI18n(documentText);
  return (
    <div class="actions" data-testid="bill-documents">
      <DocumentLink
        href={`/documents/bills/${month}.pdf`}
        label={s.billPdf}
        testId="bill-pdf"
        hint={s.billHint}
      />
      {detailsAvailable ? (
        <DocumentLink
          href={`/documents/bills/${month}/breakdown.csv`}
          label={s.breakdownCsv}
          testId="breakdown-csv"
          hint={s.csvHint}
        />
      ) : null}
    </div>
  );
}
