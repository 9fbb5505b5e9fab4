import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { errorMessage } from '../../data/errors';
import { useMutation, useQuery } from '../../data/hooks';
import { focusField, useForm } from '../../forms';
import { getFragmentData } from '../../gql/fragment-masking';
import {
  MembershipDocument,
  type MembershipFieldsFragment,
  MembershipFieldsFragmentDoc,
  UpdateContactDetailsDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { formatPhone } from '../../phone';
import { Link } from '../../router';
import { PaymentCertificate } from './PaymentCertificate';
import { membershipText } from './strings';

const EMPTY = { contactPhoneNumber: '', contactEmail: '' };

/** Guide 2 menu "To confirm / change the registered Membership information". */
export function MembershipPage() {
  const { t, s } = useI18n(membershipText);
  const { data, loading, error, refetch } = useQuery(MembershipDocument, { requestPolicy: 'network-only' });
  const [mutate, { loading: saving }] = useMutation(UpdateContactDetailsDocument);
  const form = useForm(EMPTY);
  const { bind, formErrors, setValues } = form;
  const [saved, setSaved] = useState(false);
  const filled = useRef(false);
  // A save's answer shows at once, with "saved"; the document cache then asks for the page's query again
  // (until that answer is in, the page would show the details from before the save).
  const [answered, setAnswered] = useState<MembershipFieldsFragment | null>(null);
  useEffect(() => setAnswered(null), [data]);
  const m = answered ?? getFragmentData(MembershipFieldsFragmentDoc, data?.membership) ?? null;

  // The form starts from the registered contact details (once they have arrived).
  useEffect(() => {
    if (!m || filled.current) return;
    filled.current = true;
    setValues({ contactPhoneNumber: m.contactPhoneNumber ?? '', contactEmail: m.contactEmail ?? '' });
  }, [m, setValues]);

  const onSubmit = form.onSubmit(async () => {
    setSaved(false);
    const input = {
      contactPhoneNumber: form.values.contactPhoneNumber.trim(),
      contactEmail: form.values.contactEmail.trim(),
    };
    // The answer's Membership makes the document cache ask for the page's query again.
    const r = (await mutate({ input })).updateContactDetails;
    if (!r) throw new Error('empty result');
    if (r.__typename === 'ContactDetailsUpdated') {
      const saved = getFragmentData(MembershipFieldsFragmentDoc, r.membership);
      setAnswered(saved);
      setValues({
        contactPhoneNumber: saved.contactPhoneNumber ?? '',
        contactEmail: saved.contactEmail ?? '',
      });
      setSaved(true);
      return;
    }
    focusField(form.showFieldErrors(r));
  });

  let body = null;
  if (!m && loading) {
    body = (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  } else if (!m) {
    body = (
      <>
        <FormErrors messages={[errorMessage(error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void refetch()}>
          {t('retry')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        <section class="card" aria-labelledby="membership-contract-title" data-testid="membership-contract">
          <h2 id="membership-contract-title" class="card__title">
            {s.contractTitle}
          </h2>
          <dl class="props">
            <div>
              <dt>{t('customerNumber')}</dt>
              <dd data-testid="membership-customer-number">{m.customerNumber}</dd>
            </div>
            <div>
              <dt>{t('holderName')}</dt>
              {/* The contract's name and address are Japanese whatever the UI language. */}
              <dd data-testid="membership-holder-name" lang="ja">
                {m.holderName}
              </dd>
            </div>
            <div>
              <dt>{s.postalAddress}</dt>
              <dd data-testid="membership-postal-address" lang="ja">
                {m.postalAddress}
              </dd>
            </div>
            <div>
              <dt>{t('registeredPhoneNumber')}</dt>
              <dd data-testid="membership-registered-phone-number">{formatPhone(m.registeredPhoneNumber)}</dd>
            </div>
            <div>
              <dt>{s.contactPhoneNumber}</dt>
              <dd data-testid="membership-contact-phone-number">
                {m.contactPhoneNumber ? formatPhone(m.contactPhoneNumber) : s.notSet}
              </dd>
            </div>
            <div>
              <dt>{s.contactEmail}</dt>
              <dd data-testid="membership-contact-email">{m.contactEmail || s.notSet}</dd>
            </div>
          </dl>
        </section>
        <section class="card" aria-labelledby="membership-emails-title" data-testid="membership-emails">
          <h2 id="membership-emails-title" class="card__title">
            {s.emailsTitle}
          </h2>
          <dl class="props">
            <RegisteredEmail
              label={s.reissueEmail}
              status={data?.me?.reissueEmail ?? null}
              href="/reissue-email"
              testId="membership-reissue-email"
              s={s}
            />
            <RegisteredEmail
              label={s.notificationEmail}
              status={data?.billing.notificationEmail ?? null}
              href="/bills/notification"
              testId="membership-notification-email"
              s={s}
            />
          </dl>
        </section>
        <PaymentCertificate months={data?.billing.history.map((i) => i.billingMonth) ?? []} />
        <section aria-labelledby="membership-contact-title">
          <h2 id="membership-contact-title" class="section-title">
            {s.contactTitle}
          </h2>
          <p class="lead">{s.contactLead}</p>
          <form class="form" onSubmit={onSubmit} noValidate data-testid="membership-form">
            <FormErrors messages={formErrors} id="membership-errors" />
            <p
              role="status"
              class={saved ? 'alert alert--success' : 'alert-empty'}
              data-testid={saved ? 'membership-saved' : undefined}
            >
              {saved ? s.saved : ''}
            </p>
            <Field
              {...bind('contactPhoneNumber')}
              label={s.contactPhoneNumber}
              hint={s.contactPhoneHint}
              type="tel"
              inputMode="tel"
              autocomplete="tel"
              maxLength={20}
            />
            <Field
              {...bind('contactEmail')}
              label={s.contactEmail}
              type="email"
              inputMode="email"
              autocomplete="email"
              autocapitalize="off"
              spellcheck={false}
              placeholder={t('emailPlaceholder')}
              maxLength={254}
            />
            <BusyButton
              type="submit"
              class="button button--primary"
              busy={saving}
              data-testid="membership-save"
            >
              {t('updateButton')}
            </BusyButton>
          </form>
        </section>
      </>
    );
  }

  return (
    <Layout title={s.title} menu>
      <p class="lead">{s.lead}</p>
      {body}
      <p class="links">
        <Link href="/top">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}

/** One address confirmed by mail: the active one, else the one awaiting its link, with where to manage it. */
function RegisteredEmail(props: {
  label: string;
  status: { email?: string | null; pendingEmail?: string | null } | null;
  href: string;
  testId: string;
  s: (typeof membershipText)['ja'];
}) {
  const { label, status, href, testId, s } = props;
  const email = status?.email ?? null;
  const pending = status?.pendingEmail ?? null;
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {email ? <span class="break-anywhere">{email}</span> : s.notSet}
        {pending ? (
          <span class="hint" data-testid={`${testId}-pending`}>
            {' '}
            <span class="break-anywhere">{pending}</span> — {s.pending}
          </span>
        ) : null}{' '}
        <Link href={href}>{s.change}</Link>
      </dd>
    </div>
  );
}
