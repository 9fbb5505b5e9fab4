import { useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { PaymentBadge, StatusBadge } from '../../components/InvoiceBits';
import { Layout } from '../../components/Layout';
import { RadioField } from '../../components/RadioField';
import { errorMessage } from '../../data/errors';
import { useMutation, useQuery } from '../../data/hooks';
import { forgetSavedBills } from '../../data/persist';
import { fill, formatDate, formatMonth, formatYen } from '../../format';
import { focusField, useForm } from '../../forms';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import {
  InvoiceCardFieldsFragmentDoc,
  IssuePayEasySlipDocument,
  PayEasySlipFieldsFragmentDoc,
  PayInvoiceByCardDocument,
  PayInvoiceDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { newIdempotencyKey } from '../../idempotency';
import { Link } from '../../router';
import { ReceiptCard } from './Receipt';
import { payText } from './strings';

/** One key per attempt: a double click or a retry after a lost response replays, never charges twice. */

const EMPTY_CARD = { cardNumber: '', expiryMonth: '', expiryYear: '', cvc: '', holderName: '' };

function CardForm({ month, amount }: { month: string; amount: number }) {
  const { t, lang, s } = useI18n(payText);
  const form = useForm(EMPTY_CARD);
  const { bind, formErrors } = form;
  const [mutate, { loading }] = useMutation(PayInvoiceByCardDocument);
  const attemptKey = useRef(newIdempotencyKey());

  const onSubmit = form.onSubmit(async () => {
    const missing = form.missing();
    delete missing.holderName; // optional
    if (Object.keys(missing).length > 0) {
      focusField(form.showMissing(missing));
      return;
    }
    const data = await mutate({
      input: {
        billingMonth: month,
        cardNumber: form.values.cardNumber,
        expiryMonth: Number.parseInt(form.values.expiryMonth.normalize('NFKC'), 10) || 0,
        expiryYear: Number.parseInt(form.values.expiryYear.normalize('NFKC'), 10) || 0,
        cvc: form.values.cvc,
        holderName: form.values.holderName.trim() || null,
        idempotencyKey: attemptKey.current,
      },
    });
    const r = data?.payInvoiceByCard;
    if (!r) throw new Error('empty result');
    // An answer arrived: a corrected or repeated attempt is a new one. (A thrown network error keeps the
    // key, so pressing the button again replays the attempt the server may already have made.)
    attemptKey.current = newIdempotencyKey();
    switch (r.__typename) {
      case 'PaymentSucceeded':
        form.setValues(EMPTY_CARD); // the card details leave the page's memory with the form
        forgetSavedBills();
        return;
      case 'FieldErrors':
        focusField(form.showFieldErrors(r));
        return;
      default:
        form.showErrors({}, [r.message]);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate autocomplete="on" data-testid="card-form">
      <h2 class="section-title">{s.cardTitle}</h2>
      <p class="hint">{s.cardLead}</p>
      <FormErrors messages={formErrors} />
      <Field
        {...bind('cardNumber')}
        label={s.cardNumber}
        hint={s.cardNumberHint}
        autocomplete="cc-number"
        inputMode="numeric"
        maxLength={23}
        placeholder="1234 5678 9012 3456"
      />
      <div class="field-row">
        <Field
          {...bind('expiryMonth')}
          label={s.expiryMonth}
          autocomplete="cc-exp-month"
          inputMode="numeric"
          maxLength={2}
          placeholder="MM"
        />
        <Field
          {...bind('expiryYear')}
          label={s.expiryYear}
          autocomplete="cc-exp-year"
          inputMode="numeric"
          maxLength={4}
          placeholder="YYYY"
        />
      </div>
      <Field
        {...bind('cvc')}
        label={s.cvc}
        hint={s.cvcHint}
        autocomplete="cc-csc"
        inputMode="numeric"
        maxLength={4}
        type="password"
      />
      <Field {...bind('holderName')} label={s.holderName} autocomplete="cc-name" maxLength={100} />
      <div class="actions">
        <BusyButton type="submit" class="button button--primary" busy={loading} data-testid="pay-card">
          {loading ? s.paying : fill(s.payButton, { amount: formatYen(amount, lang) })}
        </BusyButton>
      </div>
      {loading ? (
        <p class="loading" role="status" aria-live="polite">
          {t('loading')}
        </p>
      ) : null}
    </form>
  );
}

type PayEasySlipRef = FragmentType<typeof PayEasySlipFieldsFragmentDoc>;

function PayEasyNumbers(props: { slip: PayEasySlipRef }) {
  const slip = getFragmentData(PayEasySlipFieldsFragmentDoc, props.slip);
  const { lang, s } = useI18n(payText);
  return (
    <section class="card" aria-labelledby="payeasy-title" data-testid="payeasy-slip">
      <h2 id="payeasy-title" class="card__title">
        {s.payEasyTitle}
      </h2>
      <p>{s.payEasyLead}</p>
      <dl class="props">
        <div>
          <dt>{s.collectionAgencyNumber}</dt>
          <dd class="card__big mono" data-testid="payeasy-agency">
            {slip.collectionAgencyNumber}
          </dd>
        </div>
        <div>
          <dt>{s.payEasyCustomerNumber}</dt>
          <dd class="card__big mono" data-testid="payeasy-customer">
            {slip.customerNumber.replace(/(\d{4})(?=\d)/g, '$1 ')}
          </dd>
        </div>
        <div>
          <dt>{s.confirmationNumber}</dt>
          <dd class="card__big mono" data-testid="payeasy-confirmation">
            {slip.confirmationNumber}
          </dd>
        </div>
        <div>
          <dt>{s.amountDue}</dt>
          <dd class="amount">{formatYen(slip.amount, lang)}</dd>
        </div>
        <div>
          <dt>{s.expiresOn}</dt>
          <dd data-testid="payeasy-expires">{formatDate(slip.expiresOn, lang)}</dd>
        </div>
      </dl>
      <h3 class="note__title">{s.howToPay}</h3>
      <ol class="payeasy-steps">
        {slip.instructions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

function PayEasyPanel({ month, slip }: { month: string; slip: PayEasySlipRef | null }) {
  const { t, s } = useI18n(payText);
  const [issue, { data, loading, error }] = useMutation(IssuePayEasySlipDocument);
  const r = data?.issuePayEasySlip;
  const shown = slip ?? (r?.__typename === 'PayEasySlip' ? r : null);
  if (shown) return <PayEasyNumbers slip={shown} />;
  const problem = error ? errorMessage(error, t) : r && r.__typename !== 'PayEasySlip' ? r.message : null;
  return (
    <section class="card" data-testid="payeasy-panel">
      <h2 class="card__title">{s.payEasyTitle}</h2>
      <p class="hint">{s.methodPayEasyHint}</p>
      <FormErrors messages={problem ? [problem] : []} />
      <div class="actions">
        <BusyButton
          type="button"
          class="button button--primary"
          busy={loading}
          data-testid="issue-payeasy"
          onClick={() => void issue({ input: { billingMonth: month } }).catch(() => {})}
        >
          {loading ? t('loading') : s.issuePayEasy}
        </BusyButton>
      </div>
    </section>
  );
}

/** Pay one bill (SPEC 3): by card, or by Pay-easy numbers; a paid bill shows its receipt. */
export function PayPage({ month }: { month: string }) {
  const { t, lang, s } = useI18n(payText);
  const { data, loading, error, refetch } = useQuery(PayInvoiceDocument, {
    variables: { billingMonth: month },
    requestPolicy: 'cache-and-network',
  });
  const [method, setMethod] = useState<'CARD' | 'PAYEASY'>('CARD');
  const answer = data?.billing.invoice;
  const inv =
    answer?.__typename === 'Invoice'
      ? { ...answer, ...getFragmentData(InvoiceCardFieldsFragmentDoc, answer) }
      : answer;

  let body = null;
  if (!inv && loading) {
    body = (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  } else if (!inv) {
    body = (
      <>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--secondary" onClick={() => void refetch()}>
          {t('retry')}
        </button>
      </>
    );
  } else if (inv.__typename !== 'Invoice') {
    body = <FormErrors messages={[inv.message]} testId="pay-error" />;
  } else {
    body = (
      <>
        <section class="card" aria-labelledby="pay-amount-title">
          <h2 id="pay-amount-title" class="card__title bill-head">
            {s.amountDue}
            <StatusBadge status={inv.status} />
            <PaymentBadge status={inv.paymentStatus} />
          </h2>
          <p class="card__big amount" data-testid="pay-amount">
            {formatYen(inv.billingAmount, lang)}
          </p>
          <dl class="props">
            <div>
              <dt>{t('dueDate')}</dt>
              <dd>{formatDate(inv.dueDate, lang)}</dd>
            </div>
          </dl>
        </section>
        {inv.paymentStatus === 'PAID' ? (
          <>
            <p class="alert alert--success" role="status" data-testid="paid-message">
              {inv.receipt ? s.paidTitle : s.alreadyPaid}
            </p>
            {inv.receipt ? <ReceiptCard receipt={inv.receipt} month={month} /> : null}
          </>
        ) : inv.status !== 'CONFIRMED' ? (
          <p class="hint" data-testid="not-confirmed">
            {s.notConfirmed}
          </p>
        ) : (
          <>
            <RadioField
              name="method"
              label={s.methodTitle}
              value={method}
              onValue={(v) => setMethod(v === 'PAYEASY' ? 'PAYEASY' : 'CARD')}
              options={[
                { value: 'CARD', label: s.methodCard },
                { value: 'PAYEASY', label: s.methodPayEasy },
              ]}
            />
            {method === 'CARD' ? (
              <CardForm month={month} amount={inv.billingAmount} />
            ) : (
              <PayEasyPanel month={month} slip={inv.payEasySlip ?? null} />
            )}
          </>
        )}
      </>
    );
  }

  return (
    <Layout title={fill(s.title, { month: formatMonth(month, lang) })} menu>
      {body}
      <p class="links">
        <Link href={`/bills/${month}/summary`}>{s.backToSummary}</Link>
      </p>
    </Layout>
  );
}
