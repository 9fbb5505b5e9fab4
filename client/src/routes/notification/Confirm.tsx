import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { focusField, useForm } from '../../forms';
import {
  type BillingNotificationEmailType,
  ConfirmBillingNotificationEmailDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { clearLinkToken, takeLinkToken } from '../../linkToken';
import { Link } from '../../router';
import { typeLabel } from './Notification';
import { useNotificationStrings } from './strings';

const EMPTY = { registeredPhoneNumber: '' };

type Outcome =
  | { kind: 'registered'; email: string; emailType: BillingNotificationEmailType }
  | { kind: 'invalid'; message: string | null }
  | null;

/**
 * The page the mailed link opens (guide 4 (12)–(14)): the registered phone number, then the
 * formal registration. Works signed in and signed out.
 */
export function NotificationConfirmPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const s = useNotificationStrings();
  const [token, setToken] = useState(takeLinkToken);
  const [mutate, { loading }] = useMutation(ConfirmBillingNotificationEmailDocument);
  const form = useForm(EMPTY);
  const { values, bind, formErrors, clearErrors } = form;
  const [outcome, setOutcome] = useState<Outcome>(token ? null : { kind: 'invalid', message: null });

  // Another mail link opened in this same tab only changes the fragment: start over with it.
  useEffect(() => {
    const onHash = () => {
      const next = takeLinkToken();
      if (!next) return;
      setToken(next);
      setOutcome(null);
      clearErrors();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onSubmit = form.onSubmit(async () => {
    const missing = form.missing();
    if (Object.keys(missing).length > 0 || !token) {
      focusField(form.showMissing(missing) ?? 'registeredPhoneNumber');
      return;
    }
    const input = { token, registeredPhoneNumber: values.registeredPhoneNumber.trim() };
    const { data } = await mutate({ variables: { input } });
    const result = data?.confirmBillingNotificationEmail;
    if (!result) throw new Error('empty result');
    switch (result.__typename) {
      case 'BillingNotificationEmailRegistered':
        clearLinkToken();
        setOutcome({ kind: 'registered', email: result.email, emailType: result.emailType });
        break;
      case 'InvalidOrExpiredToken':
        clearLinkToken();
        setOutcome({ kind: 'invalid', message: result.message });
        break;
      case 'FieldErrors':
        focusField(form.showFieldErrors(result));
        break;
    }
  });

  if (outcome?.kind === 'registered') {
    return (
      <Layout title={s.registeredTitle} menu={signedIn}>
        <div data-testid="notification-registered">
          <p class="alert alert--success">{s.registeredBody}</p>
          <dl class="props card">
            <div>
              <dt>{s.emailType}</dt>
              <dd data-testid="registered-email-type">{typeLabel(s, outcome.emailType)}</dd>
            </div>
            <div>
              <dt>{t('email')}</dt>
              <dd data-testid="registered-email">{outcome.email}</dd>
            </div>
          </dl>
          <div class="actions">
            <Link
              href={signedIn ? '/bills/notification' : '/login'}
              class="button button--primary"
              data-testid="notification-registered-ok"
            >
              {signedIn ? t('ok') : t('backToLoginPage')}
            </Link>
          </div>
        </div>
      </Layout>
    );
  }

  if (outcome?.kind === 'invalid') {
    return (
      <Layout title={s.confirmTitle} menu={signedIn}>
        <div data-testid="notification-invalid-token">
          <p class="alert alert--error" role="alert">
            {outcome.message ?? s.noToken}
          </p>
          <p class="links">
            <Link
              href={signedIn ? '/bills/notification' : '/login'}
              data-testid="notification-register-again"
            >
              {signedIn ? s.registerAgain : s.loginToRegisterAgain}
            </Link>
          </p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={s.confirmTitle} menu={signedIn}>
      <p class="lead">{s.confirmLead}</p>
      <form class="form" onSubmit={onSubmit} noValidate data-testid="notification-confirm-form">
        <FormErrors messages={formErrors} id="notification-confirm-errors" />
        <Field
          {...bind('registeredPhoneNumber')}
          label={s.phoneLabel}
          hint={s.phoneHint}
          type="text"
          inputMode="tel"
          autocomplete="tel-national"
          maxLength={20}
          required
        />
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading}
          data-testid="notification-confirm-submit"
        >
          {s.confirmButton}
        </BusyButton>
      </form>
    </Layout>
  );
}
