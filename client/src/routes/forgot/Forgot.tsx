import { useMutation } from '@apollo/client/react';
import { useState } from 'preact/hooks';
import { errorMessage } from '../../apollo/errors';
import { Field, fieldId } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { SecretQuestionField } from '../../components/SecretQuestionField';
import { type ErrorsByField, groupFieldErrors, unplacedErrors } from '../../forms';
import { graphql } from '../../gql';
import type { RequestPasswordReissueInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

const RequestPasswordReissueMutation = graphql(`
  mutation RequestPasswordReissue($input: RequestPasswordReissueInput!) {
    requestPasswordReissue(input: $input) {
      __typename
      ... on ReissueRequested {
        message
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

// ID inputs are typed string | number; the form only ever holds strings.
type Form = Record<keyof RequestPasswordReissueInput, string>;
const EMPTY: Form = { loginId: '', email: '', secretQuestionId: '', secretAnswer: '' };
const FIELDS = Object.keys(EMPTY) as (keyof Form)[];

function Steps({ done }: { done: boolean }) {
  const { t } = useI18n();
  return (
    <ol class="steps" aria-label={t('stepsLabel')}>
      <li
        class={done ? 'steps__item' : 'steps__item steps__item--current'}
        aria-current={done ? undefined : 'step'}
      >
        {t('stepInput')}
      </li>
      <li
        class={done ? 'steps__item steps__item--current' : 'steps__item'}
        aria-current={done ? 'step' : undefined}
      >
        {t('stepDone')}
      </li>
    </ol>
  );
}

function CallCentre() {
  const { t } = useI18n();
  return (
    <section class="note" aria-labelledby="contact-title">
      <p>{t('forgotCallCentre')}</p>
      <h2 id="contact-title" class="note__title">
        {t('contactTitle')}
      </h2>
      <p>{t('contactDesk')}</p>
      <p class="phone">
        <a href="tel:0800-333-0030" data-testid="call-centre-phone">
          {t('contactPhone')}
        </a>
      </p>
      <p>{t('contactHours')}</p>
      <p>{t('contactNote')}</p>
    </section>
  );
}

/**
 * Guide 6 (1)–(6), Japanese guide 9-1: who to call without a registered address, then the
 * self-service reissue (login ID, registered address, secret question and answer). The answer is
 * the same whether or not anything matched.
 */
export function ForgotPage() {
  const { t } = useI18n();
  const [mutate, { loading }] = useMutation(RequestPasswordReissueMutation);
  const [form, setForm] = useState<Form>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<ErrorsByField>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const bind = (name: keyof Form) => ({
    name,
    value: form[name],
    onValue: (v: string) => setForm((f) => ({ ...f, [name]: v })),
    errors: fieldErrors[name],
  });

  const show = (byField: ErrorsByField, messages: string[]) => {
    setFieldErrors(byField);
    setFormErrors(messages);
    const first = FIELDS.find((f) => byField[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setFieldErrors({});
    setFormErrors([]);
    const missing: ErrorsByField = {};
    for (const f of FIELDS) {
      if (!form[f].trim()) missing[f] = [f === 'secretQuestionId' ? t('selectRequired') : t('fieldRequired')];
    }
    if (Object.keys(missing).length > 0) {
      show(missing, [t('formHasErrors')]);
      return;
    }
    try {
      const { data } = await mutate({ variables: { input: form } });
      const result = data?.requestPasswordReissue;
      if (!result) throw new Error('empty result');
      if (result.__typename === 'ReissueRequested') {
        setForm(EMPTY);
        setDone(result.message);
        return;
      }
      const byField = groupFieldErrors(result.errors);
      show(byField, [result.message, ...unplacedErrors(byField, FIELDS)]);
    } catch (err) {
      setFormErrors([errorMessage(err, t)]);
    }
  };

  if (done !== null) {
    return (
      <Layout title={t('forgotDoneTitle')}>
        <Steps done />
        <div data-testid="reissue-requested">
          <p class="alert alert--success">{done}</p>
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => navigate('/login', { replace: true })}
              data-testid="back-to-login"
            >
              {t('backToLoginPage')}
            </button>
          </div>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={t('forgotTitle')}>
      <div data-testid="forgot-page">
        <p class="alert alert--info">{t('forgotSelfService')}</p>
        <CallCentre />
        <h2 class="section-title" id="forgot-form-title">
          {t('forgotFormTitle')}
        </h2>
        <Steps done={false} />
        <p class="lead">{t('forgotFormLead')}</p>
        <form
          class="form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="forgot-form-title"
          data-testid="forgot-form"
        >
          <FormErrors messages={formErrors} id="forgot-errors" />
          <Field
            {...bind('loginId')}
            label={t('loginId')}
            placeholder={t('loginIdPlaceholder')}
            autocomplete="username"
            autocapitalize="off"
            spellcheck={false}
            required
          />
          <Field
            {...bind('email')}
            label={t('registeredEmail')}
            type="email"
            inputMode="email"
            autocomplete="email"
            autocapitalize="off"
            spellcheck={false}
            placeholder={t('emailPlaceholder')}
            required
          />
          <SecretQuestionField
            value={form.secretQuestionId}
            onValue={(v) => setForm((f) => ({ ...f, secretQuestionId: v }))}
            errors={fieldErrors.secretQuestionId}
          />
          <Field
            {...bind('secretAnswer')}
            label={t('secretAnswer')}
            placeholder={t('secretAnswerPlaceholder')}
            autocomplete="off"
            maxLength={50}
            required
          />
          <p class="field__hint">{t('forgotNoAnswerNote')}</p>
          <div class="actions actions--form">
            <button
              type="submit"
              class="button button--primary"
              disabled={loading}
              data-testid="forgot-submit"
            >
              {t('issueButton')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => navigate('/login')}
              data-testid="forgot-cancel"
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
