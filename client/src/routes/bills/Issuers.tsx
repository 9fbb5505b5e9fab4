import { ScrollRegion } from '../../components/ScrollRegion';
import { formatYen } from '../../format';
import { defineText, useI18n } from '../../i18n';

const issuerText = defineText({
  ja: {
    title: '通信会社別の内訳（適格請求書）',
    lead: 'このご請求は、各通信会社が発行する適格請求書をまとめたものです。消費税等は通信会社ごと・税率ごとに計算しています。',
    caption: '通信会社別の対象額と消費税等',
    rateColumn: '税率',
    taxableColumn: '対象額',
    taxColumn: '消費税等',
    registrationNumber: '登録番号',
    noRegistrationNumber: '登録番号なし',
    rate10: '10%対象',
    rate8: '8%対象（軽減税率）※',
    nonTaxable: '不課税・非課税',
    total: '合計（税込）',
    reducedLegend: '※は軽減税率（8%）対象',
  },
  en: {
    title: 'By carrier (qualified invoices)',
    lead: "This bill combines each carrier's qualified invoice. Consumption tax is computed per carrier and per rate.",
    caption: 'Taxable amounts and consumption tax by carrier',
    rateColumn: 'Rate',
    taxableColumn: 'Taxable amount',
    taxColumn: 'Tax',
    registrationNumber: 'Registration No.',
    noRegistrationNumber: 'No registration number',
    rate10: '10%',
    rate8: '8% (reduced rate) ※',
    nonTaxable: 'Non-taxable',
    total: 'Total incl. tax',
    reducedLegend: '※ Reduced tax rate (8%)',
  },
});

export interface IssuerView {
  carrier: { code: string; name: string; legalName: string; registrationNumber?: string | null };
  taxes: readonly { rate: number; taxableAmount: number; taxAmount: number }[];
  nonTaxableAmount: number;
  totalAmount: number;
}

/**
 * Each carrier as the issuer of its part of the bill (qualified invoice): its name, legal name and
 * registration number, and per tax rate the taxable amount and the tax. A table of three narrow
 * columns, one row group per carrier; it scrolls inside its region at large text sizes.
 */
export function IssuerTable({ issuers }: { issuers: readonly IssuerView[] }) {
  const { lang, s } = useI18n(issuerText);
  if (issuers.length === 0) return null;
  const reduced = issuers.some((i) => i.taxes.some((x) => x.rate === 8));
  return (
    <section class="card" aria-labelledby="summary-issuers-title">
      <h2 id="summary-issuers-title" class="card__title">
        {s.title}
      </h2>
      <p class="hint">{s.lead}</p>
      <ScrollRegion label={s.caption}>
        <table class="table issuers" data-testid="issuers">
          <caption class="visually-hidden">{s.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.rateColumn}</th>
              <th scope="col" class="num">
                {s.taxableColumn}
              </th>
              <th scope="col" class="num">
                {s.taxColumn}
              </th>
            </tr>
          </thead>
          {issuers.map((issuer) => (
            <tbody key={issuer.carrier.code} data-testid="issuer" data-carrier={issuer.carrier.code}>
              <tr>
                <th scope="rowgroup" colSpan={3} class="issuers__head">
                  <span class="issuers__name">{issuer.carrier.name}</span>{' '}
                  <span class="issuers__legal" lang="ja">
                    {issuer.carrier.legalName}
                  </span>{' '}
                  <span class="issuers__number" data-testid="issuer-registration">
                    {issuer.carrier.registrationNumber
                      ? `${s.registrationNumber} ${issuer.carrier.registrationNumber}`
                      : s.noRegistrationNumber}
                  </span>
                </th>
              </tr>
              {issuer.taxes.map((tax) => (
                <tr key={tax.rate} data-testid="issuer-tax" data-rate={tax.rate}>
                  <th scope="row">{tax.rate === 8 ? s.rate8 : s.rate10}</th>
                  <td class="num">{formatYen(tax.taxableAmount, lang)}</td>
                  <td class="num">{formatYen(tax.taxAmount, lang)}</td>
                </tr>
              ))}
              {issuer.nonTaxableAmount !== 0 ? (
                <tr>
                  <th scope="row">{s.nonTaxable}</th>
                  <td class="num">{formatYen(issuer.nonTaxableAmount, lang)}</td>
                  <td class="num">—</td>
                </tr>
              ) : null}
              <tr class="issuers__total">
                <th scope="row">{s.total}</th>
                <td class="num" colSpan={2} data-testid="issuer-total">
                  {formatYen(issuer.totalAmount, lang)}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      {reduced ? <p class="hint">{s.reducedLegend}</p> : null}
    </section>
  );
}
