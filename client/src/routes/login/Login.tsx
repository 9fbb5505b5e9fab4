import { useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { useMutation } from '../../data/hooks';
import { setViewer, takeLoginNotice, type ViewerRef } from '../../data/session';
import { useForm } from '../../forms';
import { LoginDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { sendWithStepUp } from '../../stepUp';
import { InitialLoginNotice, ReissuedLoginNotice } from './InitialLoginNotice';

const EMPTY = { loginId: '', password: '' };

export function LoginPage() {
  const { t } = useI18n();
  const [login, { loading }] = useMutation(LoginDocument);
  const form = useForm(EMPTY);
  const { values, bind, formErrors, setFormErrors } = form;
  const [showForgot, setShowForgot] = useState<'forgot' | 'reissue' | null>(null);
  const [notice] = useState(takeLoginNotice);
  const [pendingInitial, setPendingInitial] = useState<ViewerRef | null>(null);
  const [pendingReissued, setPendingReissued] = useState<ViewerRef | null>(null);
  const [solving, setSolving] = useState<string | null>(null);

  if (pendingInitial) {
    return (
      <InitialLoginNotice
        onOk={() => {
          setViewer(pendingInitial); // the route guard now forces /change-initial
        }}
      />
    );
  }
  if (pendingReissued) {
    return (
      <ReissuedLoginNotice
        onOk={() => {
          setViewer(pendingReissued); // the route guard now forces /change-password
        }}
      />
    );
  }

  const submit = form.onSubmit(async () => {
    // A network with many failures behind it: the browser solves a short proof of work first.
    const result = await sendWithStepUp(
      async (proof) => (await login({ input: { ...values, proof } })).login,
      (message) => setSolving(message),
    ).finally(() => setSolving(null));
    if (!result) throw new Error('empty result');
    switch (result.__typename) {
      case 'LoginSuccess':
        form.setValue('password', '');
        if (result.requiredAction === 'CHANGE_INITIAL_CREDENTIALS') {
          setPendingInitial(result.viewer);
        } else if (result.requiredAction === 'CHANGE_PASSWORD') {
          setPendingReissued(result.viewer); // guide 6 (12): OK, then the change screen
        } else {
          // The route guard moves on from /login to /top.
          setViewer(result.viewer);
        }
        break;
      case 'InvalidCredentials':
        setFormErrors([result.message]);
        break;
      case 'AccountLocked':
        setFormErrors([result.message]);
        setShowForgot('forgot');
        break;
      case 'CredentialsExpired':
        setFormErrors([result.message]);
        // A mailed password past its 24 h: request a new one; a postcard pair: call the centre.
        setShowForgot(result.code === 'REISSUED_PASSWORD_EXPIRED' ? 'reissue' : 'forgot');
        break;
      case 'StepUpRequired':
        setFormErrors([result.message]);
        break;
      case 'FieldErrors':
        form.showFieldErrors(result); // no focus move here
        break;
    }
  });

  const onSubmit = (e: Event) => {
    setShowForgot(null);
    return submit(e);
  };

  return (
    <Layout title={t('loginTitle')}>
      {notice ? (
        <p class="alert alert--info" role="status" data-testid="login-notice">
          {t(notice)}
        </p>
      ) : null}
      <p class="lead">{t('loginLead')}</p>
      {solving ? (
        <p class="alert alert--info" role="status" data-testid="login-step-up">
          {solving}
        </p>
      ) : null}
      <form
        class="form"
        onSubmit={onSubmit}
        noValidate
        aria-describedby="login-errors"
        data-testid="login-form"
      >
        <FormErrors messages={formErrors} id="login-errors" testId="login-error">
          {showForgot ? (
            <p>
              <Link href="/forgot" data-testid="login-error-forgot">
                {showForgot === 'reissue' ? t('reissueAgainLink') : t('forgotLink')}
              </Link>
            </p>
          ) : null}
        </FormErrors>
        <Field
          {...bind('loginId')}
          label={t('loginId')}
          autocomplete="username"
          autocapitalize="off"
          spellcheck={false}
          required
        />
        <Field
          {...bind('password')}
          label={t('loginPassword')}
          password
          autocomplete="current-password"
          required
        />
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading || solving !== null}
          data-testid="login-submit"
        >
          {t('loginButton')}
        </BusyButton>
      </form>
      <p class="links">
        <Link href="/forgot" data-testid="forgot-link">
          {t('forgotLink')}
        </Link>
      </p>
    </Layout>
  );
}
