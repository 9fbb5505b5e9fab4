import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { setViewer } from '../../apollo/session';
import { useLogout } from '../../apollo/useLogout';
import { IdConditions, PasswordConditions } from '../../components/Conditions';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { type ErrorsByField, groupFieldErrors, unplacedErrors } from '../../forms';
import { graphql } from '../../gql';
import type { ChangeInitialCredentialsInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

const ChangeInitialCredentialsMutation = graphql(`
  mutation ChangeInitialCredentials($input: ChangeInitialCredentialsInput!) {
    changeInitialCredentials(input: $input) {
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

type Form = ChangeInitialCredentialsInput;
const EMPTY: Form = {
  initialLoginId: '',
  newLoginId: '',
  newLoginIdConfirmation: '',
  initialPassword: '',
  newPassword: '',
  newPasswordConfirmation: '',
};
const FIELDS = Object.keys(EMPTY);

/** Guide 1-4: change the postcard's initial login ID and password to ones chosen by the user. */
export function ChangeInitialPage() {
  const { t } = useI18n();
  const client = useApolloClient();
  const { logout, busy } = useLogout();
  const [mutate, { loading }] = useMutation(ChangeInitialCredentialsMutation);
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
      const result = data?.changeInitialCredentials;
      if (!result) throw new Error('empty result');
      if (result.__typename === 'CredentialsChanged') {
        // Navigate first: the done screen is allowed in every state, /change-initial is not once done.
        navigate('/change-initial/done', { replace: true });
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
        </fieldset>
        <button
          type="submit"
          class="button button--primary"
          disabled={loading}
          data-testid="change-initial-submit"
        >
          {t('updateButton')}
        </button>
      </form>
      <p class="links">
        <button
          type="button"
          class="button button--link"
          onClick={logout}
          disabled={busy}
          data-testid="logout"
        >
          {t('logout')}
        </button>
      </p>
    </Layout>
  );
}
