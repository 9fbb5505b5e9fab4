import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { SecretAnswerField, SecretQuestionField } from '../../components/SecretQuestionField';
import { focusField, useForm } from '../../forms';
import { ConfirmReissueEmailDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { clearLinkToken, takeLinkToken } from '../../linkToken';
import { Link } from '../../router';

const EMPTY = { secretQuestionId: '', secretAnswer: '' };

type Outcome = { kind: 'registered'; email: string } | { kind: 'invalid'; message: string | null } | null;

/**
 * The page the mail link opens (guide 1-10…1-11, 5 (10)–(12)): the secret question and answer
 * again, then the registration is active. Works signed in and signed out.
 */
export function ReissueEmailConfirmPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const [token, setToken] = useState(takeLinkToken);
  const [mutate, { loading }] = useMutation(ConfirmReissueEmailDocument);
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
      focusField(form.showMissing(missing) ?? 'secretQuestionId');
      return;
    }
    const { data } = await mutate({ variables: { input: { token, ...values } } });
    const result = data?.confirmReissueEmail;
    if (!result) throw new Error('empty result');
    switch (result.__typename) {
      case 'ReissueEmailRegistered':
        clearLinkToken();
        setOutcome({ kind: 'registered', email: result.email });
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
      <Layout title={t('reissueRegisteredTitle')}>
        <div data-testid="reissue-email-registered">
          <p class="alert alert--success">{t('reissueRegisteredBody')}</p>
          <dl class="props card">
            <div>
              <dt>{t('email')}</dt>
              <dd data-testid="registered-email">{outcome.email}</dd>
            </div>
          </dl>
          <div class="actions">
            <Link
              href={signedIn ? '/top' : '/login'}
              class="button button--primary"
              data-testid="reissue-registered-ok"
            >
              {signedIn ? t('backToTop') : t('backToLoginPage')}
            </Link>
          </div>
        </div>
      </Layout>
    );
  }

  if (outcome?.kind === 'invalid') {
    return (
      <Layout title={t('reissueConfirmTitle')}>
        <div data-testid="reissue-invalid-token">
          <p class="alert alert--error" role="alert">
            {outcome.message ?? t('reissueNoToken')}
          </p>
          <p class="links">
            <Link href={signedIn ? '/reissue-email' : '/login'} data-testid="reissue-register-again">
              {signedIn ? t('registerAgain') : t('loginToRegisterAgain')}
            </Link>
          </p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={t('reissueConfirmTitle')}>
      <p class="lead">{t('reissueConfirmLead')}</p>
      <form class="form" onSubmit={onSubmit} noValidate data-testid="reissue-confirm-form">
        <FormErrors messages={formErrors} id="reissue-confirm-errors" />
        <SecretQuestionField {...bind('secretQuestionId')} />
        <SecretAnswerField {...bind('secretAnswer')} />
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading}
          data-testid="reissue-confirm-submit"
        >
          {t('registerButton')}
        </BusyButton>
      </form>
    </Layout>
  );
}
