import { BusyButton } from '../../components/BusyButton';
import { IdConditions } from '../../components/Conditions';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useMutation } from '../../data/hooks';
import { setViewer } from '../../data/session';
import { useLogout } from '../../data/useLogout';
import { focusField, useForm } from '../../forms';
import { ChangeInitialCredentialsDocument, type ChangeInitialCredentialsInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

type Form = ChangeInitialCredentialsInput;
const EMPTY: Form = {
  initialLoginId: '',
  newLoginId: '',
  newLoginIdConfirmation: '',
  initialPassword: '',
  newPassword: '',
  newPasswordConfirmation: '',
};

/** Guide 1-4: change the postcard's initial login ID and password to ones chosen by the user. */
export function ChangeInitialPage() {
  const { t } = useI18n();
  const { logout, busy } = useLogout();
  const [mutate, { loading }] = useMutation(ChangeInitialCredentialsDocument);
  const { values, bind, formErrors, showFieldErrors, onSubmit: submit } = useForm<Form>(EMPTY);

  const onSubmit = submit(async () => {
    const data = await mutate({ input: values });
    const result = data?.changeInitialCredentials;
    if (!result) throw new Error('empty result');
    if (result.__typename === 'CredentialsChanged') {
      // Navigate first: the done screen is allowed in every state, /change-initial is not once done.
      navigate('/change-initial/done', { replace: true });
      setViewer(result.viewer);
      return;
    }
    focusField(showFieldErrors(result));
  });

  return (
    <Layout title={t('changeInitialTitle')}>
      <p class="lead">{t('changeInitialLead')}</p>
      <form class="form" onSubmit={onSubmit} noValidate data-testid="change-initial-form">
        <FormErrors messages={formErrors} id="change-initial-errors" />
        <Field
          {...bind('initialLoginId')}
          label={t('initialLoginId')}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          required
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('newLoginId')}</legend>
          <IdConditions id="id-conditions" />
          <Field
            {...bind('newLoginId')}
            label={t('newLoginId')}
            autocomplete="username"
            autocapitalize="off"
            spellcheck={false}
            maxLength={31}
            describedBy={['id-conditions']}
            required
          />
          <Field
            {...bind('newLoginIdConfirmation')}
            label={t('newLoginIdConfirmation')}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            maxLength={31}
            required
          />
        </fieldset>
        <Field
          {...bind('initialPassword')}
          label={t('initialPassword')}
          password
          autocomplete="current-password"
          required
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('newPassword')}</legend>
          <NewPasswordFields bind={bind} />
        </fieldset>
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading}
          data-testid="change-initial-submit"
        >
          {t('updateButton')}
        </BusyButton>
      </form>
      <p class="links">
        <BusyButton
          type="button"
          class="button button--link"
          onClick={logout}
          busy={busy}
          data-testid="logout"
        >
          {t('logout')}
        </BusyButton>
      </p>
    </Layout>
  );
}
