import { useState } from 'preact/hooks';
import { DocumentLink, documentText } from '../../components/DocumentLink';
import { SelectField } from '../../components/SelectField';
import { formatMonth } from '../../format';
import { useI18n } from '../../i18n';

/**
 * 料金支払証明書 for a period the subscriber chooses among the months on record (newest first, as the
 * server lists them); by default all of them. The link carries the period; the server checks it again.
 */
export function PaymentCertificate({ months }: { months: readonly string[] }) {
  const { lang, s } = useI18n(documentText);
  const [from, setFrom] = useState(months[months.length - 1] ?? '');
  const [to, setTo] = useState(months[0] ?? '');
  if (months.length === 0) return null;
  const options = months.map((m) => ({ value: m, label: formatMonth(m, lang) }));
  const valid = from !== '' && to !== '' && from <= to;
  return (
    <section class="card" aria-labelledby="certificate-title" data-testid="payment-certificate">
      <h2 id="certificate-title" class="card__title">
        {s.certificateTitle}
      </h2>
      <p class="hint">{s.certificateLead}</p>
      <div class="certificate-period">
        <SelectField
          name="certificateFrom"
          label={s.from}
          value={from}
          onValue={setFrom}
          options={options}
          placeholder={s.choose}
        />
        <SelectField
          name="certificateTo"
          label={s.to}
          value={to}
          onValue={setTo}
          options={options}
          placeholder={s.choose}
        />
      </div>
      <div class="actions">
        {valid ? (
          <DocumentLink
            href={`/documents/certificates/payments.pdf?from=${from}&to=${to}`}
            label={s.certificatePdf}
            testId="certificate-pdf"
          />
        ) : (
          <p class="alert alert--error" role="alert" data-testid="certificate-period-invalid">
            {s.periodInvalid}
          </p>
        )}
      </div>
    </section>
  );
}
