import { useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { SecretAnswerField, SecretQuestionField } from '../../components/SecretQuestionField';
import { useMutation } from '../../data/hooks';
import { focusField, useForm } from '../../forms';
import { RequestPasswordReissueDocument, type RequestPasswordReissueInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { sendWithStepUp } from '../../stepUp';

// ID inputs are typed string | number; the form only ever holds strings.
type Form = Record<Exclude<keyof RequestPasswordReissueInput, 'proof'>, string>;
const EMPTY: Form = { loginId: '', email: '', secretQuestionId: '', secretAnswer: '' };

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
  const [mutate, { loading }] = useMutation(RequestPasswordReissueDocument);
  const form = useForm<Form>(EMPTY);
  const { values, bind, formErrors } = form;
  const [done, setDone] = useState<string | null>(null);
  const [solving, setSolving] = useState<string | null>(null);

  const onSubmit = form.onSubmit(async () => {
    const missing = form.missing();
    if (Object.keys(missing).length > 0) {
      focusField(form.showMissing(missing));
      return;
    }
    // A network with many failures behind it: the browser solves a short proof of work first.
    const result = await sendWithStepUp(
      async (proof) => (await mutate({ input: { ...values, proof } })).requestPasswordReissue,
      (message) => setSolving(message),
    ).finally(() => setSolving(null));
    if (!result) throw new Error('empty result');
    if (result.__typename === 'ReissueRequested') {
      form.reset();
      setDone(result.message);
      return;
    }
    if (result.__typename === 'StepUpRequired') {
      form.setFormErrors([result.message]);
      return;
    }
    focusField(form.showFieldErrors(result));
  });

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
          {solving ? (
            <p class="alert alert--info" role="status" data-testid="forgot-step-up">
              {solving}
            </p>
          ) : null}
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
          <SecretQuestionField {...bind('secretQuestionId')} />
          <SecretAnswerField {...bind('secretAnswer')} />
          <p class="field__hint">{t('forgotNoAnswerNote')}</p>
          <div class="actions actions--form">
            <BusyButton
              type="submit"
              class="button button--primary"
              busy={loading || solving !== null}
              data-testid="forgot-submit"
            >
              {t('issueButton')}
            </BusyButton>
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
