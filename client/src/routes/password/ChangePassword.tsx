import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { useMutation } from '../../data/hooks';
import { setViewer } from '../../data/session';
import { useLogout } from '../../data/useLogout';
import { focusField, useForm } from '../../forms';
import { ChangePasswordDocument, type ChangePasswordInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';

type Form = ChangePasswordInput;
const EMPTY: Form = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };

/**
 * Change password. `forced` is the screen after a reissue (guide 6 (13)–(16)): the mailed
 * password is entered as "initial password"; same mutation, same form.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { logout, busy } = useLogout();
  const [mutate, { loading }] = useMutation(ChangePasswordDocument);
  const { values, bind, formErrors, showFieldErrors, onSubmit: submit } = useForm<Form>(EMPTY);

  const onSubmit = submit(async () => {
    const data = await mutate({ input: values });
    const result = data?.changePassword;
    if (!result) throw new Error('empty result');
    if (result.__typename === 'CredentialsChanged') {
      navigate(forced ? '/change-password/done' : '/password/done', { replace: true });
      setViewer(result.viewer);
      return;
    }
    focusField(showFieldErrors(result));
  });

  return (
    <Layout title={forced ? t('forcedChangeTitle') : t('changePasswordTitle')}>
      <p class="lead">{forced ? t('forcedChangeLead') : t('changePasswordLead')}</p>
      <form class="form" onSubmit={onSubmit} noValidate data-testid="change-password-form">
        <FormErrors messages={formErrors} id="change-password-errors" />
        <Field
          {...bind('currentPassword')}
          label={forced ? t('initialPassword') : t('currentPassword')}
          password
          autocomplete="current-password"
          required
        />
        <NewPasswordFields bind={bind} />
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={loading}
          data-testid="change-password-submit"
        >
          {t('updateButton')}
        </BusyButton>
      </form>
      <p class="links">
        {forced ? (
          <BusyButton
            type="button"
            class="button button--link"
            onClick={logout}
            busy={busy}
            data-testid="logout"
          >
            {t('logout')}
          </BusyButton>
        ) : (
          <Link href="/top">{t('backToTop')}</Link>
        )}
      </p>
    </Layout>
  );
}

/** Completion (guide 6 (17) for the forced variant). */
export function ChangePasswordDonePage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  return (
    <Layout title={forced ? t('forcedChangeDoneTitle') : t('changePasswordDoneTitle')}>
      <div data-testid="change-password-done">
        <p class="alert alert--success">{t('passwordDoneBody')}</p>
        <button
          type="button"
          class="button button--primary"
          onClick={() => navigate('/top', { replace: true })}
          data-testid="password-done-ok"
        >
          {t('ok')}
        </button>
      </div>
    </Layout>
  );
}
