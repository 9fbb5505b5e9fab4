import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { focusField, useForm } from '../../forms';
import { MembershipDocument, UpdateContactDetailsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { formatPhone } from '../../phone';
import { Link } from '../../router';

// This chunk's wording (kept out of the initial bundle).
const ja = {
  title: '会員情報の確認・変更',
  lead: 'ご契約の内容と、ご連絡先を確認できます。ご連絡先の電話番号・メールアドレスは変更できます。',
  contractTitle: 'ご契約内容',
  postalAddress: 'ご住所',
  contactTitle: 'ご連絡先',
  contactLead: '変更する項目を入力して[更新]を押してください。空欄にすると登録が削除されます。',
  contactPhoneNumber: 'ご連絡先電話番号',
  contactPhoneHint: 'ハイフン（-）なしでも、ありでも入力できます。',
  contactEmail: 'ご連絡先メールアドレス',
  notSet: '未登録',
  saved: 'ご連絡先を更新しました。',
  emailsTitle: '登録メールアドレス',
  reissueEmail: 'パスワード再発行用メールアドレス',
  notificationEmail: 'ご請求金額お知らせメールの送付先',
  pending: '確認待ち（メールのURLから手続きを完了してください）',
  change: '確認・変更',
};
const en: Record<keyof typeof ja, string> = {
  title: 'Membership information',
  lead: 'Confirm your contract and contact details. The contact phone number and email address can be changed.',
  contractTitle: 'Contract',
  postalAddress: 'Postal address',
  contactTitle: 'Contact details',
  contactLead: 'Enter the details to change and tap [Update]. Leave a field empty to remove it.',
  contactPhoneNumber: 'Contact phone number',
  contactPhoneHint: 'With or without dashes (-).',
  contactEmail: 'Contact email address',
  notSet: 'Not registered',
  saved: 'Your contact details have been updated.',
  emailsTitle: 'Registered email addresses',
  reissueEmail: 'Email address for password reissue',
  notificationEmail: 'Billing amount notification email',
  pending: 'Awaiting confirmation (complete it from the link in the email)',
  change: 'View or change',
};

const EMPTY = { contactPhoneNumber: '', contactEmail: '' };

/** Guide 2 menu "To confirm / change the registered Membership information". */
export function MembershipPage() {
  const { t, lang } = useI18n();
  const s = lang === 'en' ? en : ja;
  const { data, loading, error, refetch } = useQuery(MembershipDocument, { fetchPolicy: 'network-only' });
  const [mutate, { loading: saving }] = useMutation(UpdateContactDetailsDocument);
  const form = useForm(EMPTY);
  const { bind, formErrors, setValues } = form;
  const [saved, setSaved] = useState(false);
  const filled = useRef(false);
  const m = data?.membership ?? null;

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
    const { data: result } = await mutate({
      variables: { input },
      update(cache, { data: d }) {
        const r = d?.updateContactDetails;
        if (r?.__typename === 'ContactDetailsUpdated')
          cache.updateQuery({ query: MembershipDocument }, (prev) =>
            prev ? { ...prev, membership: r.membership } : prev,
          );
      },
    });
    const r = result?.updateContactDetails;
    if (!r) throw new Error('empty result');
    if (r.__typename === 'ContactDetailsUpdated') {
      setValues({
        contactPhoneNumber: r.membership.contactPhoneNumber ?? '',
        contactEmail: r.membership.contactEmail ?? '',
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
  s: typeof ja;
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
