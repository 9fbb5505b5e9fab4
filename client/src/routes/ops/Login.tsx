import { useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { useMutation } from '../../data/hooks';
import { focusField, useForm } from '../../forms';
import { OperatorLoginDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { sendWithStepUp } from '../../stepUp';
import type { Notice } from './index';
import { type OperatorRef, OpsLayout } from './OpsLayout';
import { opsText } from './strings';

const EMPTY = { loginId: '', password: '' };

/** Operator sign-in: its own cookie and session, separate from the subscribers'. */
export function OpsLoginPage({
  notice,
  onSignedIn,
}: {
  notice: Notice;
  onSignedIn: (operator: OperatorRef) => void;
}) {
  const { s } = useI18n(opsText);
  const [login, { loading }] = useMutation(OperatorLoginDocument);
  const form = useForm(EMPTY);
  const { values, bind, formErrors } = form;
  const [solving, setSolving] = useState<string | null>(null);

  const submit = form.onSubmit(async () => {
    const missing = form.missing();
    if (Object.keys(missing).length > 0) {
      focusField(form.showMissing(missing));
      return;
    }
    // A network with many failures behind it: the browser solves a short proof of work first.
    const result = await sendWithStepUp(
      async (proof) => (await login({ input: { ...values, proof } })).operatorLogin,
      (message) => setSolving(message),
    ).finally(() => setSolving(null));
    if (!result) throw new Error('empty result');
    if (result.__typename === 'OperatorLoginSuccess') {
      form.setValue('password', '');
      // The console's routes now show the signed-in screens.
      onSignedIn(result.operator);
      return;
    }
    form.setValue('password', '');
    if (result.__typename === 'FieldErrors') {
      focusField(form.showFieldErrors(result));
      return;
    }
    form.setFormErrors([result.message]);
    focusField('loginId');
  });

  return (
    <OpsLayout title={s.loginTitle}>
      {notice ? (
        <p class="alert alert--info" role="status" data-testid="ops-notice">
          {notice === 'loggedOut' ? s.loggedOut : s.sessionExpired}
        </p>
      ) : null}
      <form class="form ops-login" onSubmit={submit} noValidate data-testid="ops-login-form">
        <p class="lead">{s.loginLead}</p>
        <FormErrors messages={formErrors} />
        {solving ? (
          <p class="alert alert--info" role="status" data-testid="ops-login-step-up">
            {solving}
          </p>
        ) : null}
        <Field
          {...bind('loginId')}
          label={s.loginId}
          autocomplete="username"
          autocapitalize="off"
          spellcheck={false}
          required
        />
        <Field {...bind('password')} label={s.password} password autocomplete="current-password" required />
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading || solving !== null}
          data-testid="ops-login-submit"
        >
          {s.loginButton}
        </BusyButton>
      </form>
    </OpsLayout>
  );
}
