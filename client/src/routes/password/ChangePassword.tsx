import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { setViewer } from '../../apollo/session';
import { useLogout } from '../../apollo/useLogout';
import { PasswordConditions } from '../../components/Conditions';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { type ErrorsByField, groupFieldErrors, unplacedErrors } from '../../forms';
import { graphql } from '../../gql';
import type { ChangePasswordInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on CredentialsChanged {
        viewer {
          ...ViewerFields
        }
      }
      ... on FieldErrors {
        code
        message
        errors {
          field
          code
          message
        }
      }
    }
  }
`);

type Form = ChangePasswordInput;
const EMPTY: Form = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };
const FIELDS = Object.keys(EMPTY);

/**
 * Change password. `forced` is the screen after a reissue (guide 6 (13)–(16)): the mailed
 * password is entered as "initial password"; same mutation, same form.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const { logout, busy } = useLogout();
  const [mutate, { loading }] = useMutation(ChangePasswordMutation);
  const [form, setForm] = useState<Form>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<ErrorsByField>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const bind = (name: keyof Form) => ({
    name,
    value: form[name],
    onValue: (v: string) => setForm((f) => ({ ...f, [name]: v })),
    errors: fieldErrors[name],
  });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setFieldErrors({});
    setFormErrors([]);
    try {
      const { data } = await mutate({ variables: { input: form } });
      const result = data?.changePassword;
      if (!result) throw new Error('empty result');
      if (result.__typename === 'CredentialsChanged') {
        navigate(forced ? '/change-password/done' : '/password/done', { replace: true });
        setViewer(client, result.viewer);
        return;
      }
      const byField = groupFieldErrors(result.errors);
      setFieldErrors(byField);
      setFormErrors([result.message, ...unplacedErrors(byField, FIELDS)]);
      const first = FIELDS.find((f) => byField[f]);
      if (first) document.getElementById(`f-${first}`)?.focus();
    } catch (err) {
      setFormErrors([errorMessage(err, t)]);
    }
  };

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
        <PasswordConditions id="password-conditions" />
        <Field
          {...bind('newPassword')}
          label={t('newPassword')}
          password
          autocomplete="new-password"
          maxLength={32}
          describedBy={['password-conditions']}
          required
        />
        <Field
          {...bind('newPasswordConfirmation')}
          label={t('newPasswordConfirmation')}
          password
          autocomplete="new-password"
          maxLength={32}
          required
        />
        <button
          type="submit"
          class="button button--primary"
          disabled={loading}
          data-testid="change-password-submit"
        >
          {t('updateButton')}
        </button>
      </form>
      <p class="links">
        {forced ? (
          <button
            type="button"
            class="button button--link"
            onClick={logout}
            disabled={busy}
            data-testid="logout"
          >
            {t('logout')}
          </button>
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
