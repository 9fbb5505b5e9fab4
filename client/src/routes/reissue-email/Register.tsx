import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import {
  SecretAnswerField,
  SecretQuestionField,
  useSecretQuestions,
} from '../../components/SecretQuestionField';
import { fill, formatDateTime } from '../../format';
import { focusField, useForm } from '../../forms';
import {
  RegisterReissueEmailDocument,
  type RegisterReissueEmailInput,
  ReissueEmailStatusDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';

// ID inputs are typed string | number; the form only ever holds strings.
type Form = Record<keyof RegisterReissueEmailInput, string>;
const EMPTY: Form = { email: '', emailConfirmation: '', secretQuestionId: '', secretAnswer: '' };

type Step = 'form' | 'review' | { email: string; expiresAt: string };

/**
 * Guide 1-7…1-8 and 5 (3)–(7): enter the address and the secret question/answer, review them,
 * update; a confirmation mail then goes out. Also the change screen (the old address stays active
 * until the new one is confirmed).
 */
export function ReissueEmailRegisterPage() {
  const { t, lang } = useI18n();
  const status = useQuery(ReissueEmailStatusDocument);
  const { questions } = useSecretQuestions();
  const [mutate, { loading }] = useMutation(RegisterReissueEmailDocument);
  const [step, setStep] = useState<Step>('form');
  const form = useForm<Form>(EMPTY);
  const { values, bind, formErrors } = form;
  const [focus, setFocus] = useState<string | null>(null);

  const changing = Boolean(status.data?.me?.reissueEmail?.email);

  // After the step has rendered: put the keyboard on the first field in error.
  useEffect(() => {
    if (!focus) return;
    focusField(focus);
    setFocus(null);
  }, [focus]);

  /** Errors belong to the form: back to it, keyboard on the first field in error. */
  const backToForm = (first: string | undefined) => {
    setStep('form');
    setFocus(first ?? null);
  };

  const onNext = (e: Event) => {
    e.preventDefault();
    // Only "nothing entered" is checked here; every rule is the server's (shown on update).
    const missing = form.missing();
    if (Object.keys(missing).length > 0) {
      backToForm(form.showMissing(missing));
      return;
    }
    form.clearErrors();
    setStep('review');
  };

  const onSubmit = form.onSubmit(async () => {
    const { data } = await mutate({ variables: { input: values } });
    const result = data?.registerReissueEmail;
    if (!result) throw new Error('empty result');
    if (result.__typename === 'ConfirmationMailSent') {
      form.reset();
      setStep({ email: result.email, expiresAt: result.expiresAt });
      return;
    }
    backToForm(form.showFieldErrors(result));
  });

  const title = changing ? t('reissueChangeTitle') : t('reissueRegisterTitle');

  if (typeof step === 'object') {
    return (
      <Layout title={t('reissueMailSentTitle')}>
        <div data-testid="reissue-mail-sent">
          <div class="alert alert--success">
            <p>{fill(t('reissueMailSentBody'), { email: step.email })}</p>
            <p>{fill(t('reissueMailSentClick'), { expires: formatDateTime(step.expiresAt, lang) })}</p>
          </div>
          <p class="alert alert--info">
            <strong>{t('reissueMailSentNotYet')}</strong>
          </p>
          <div class="actions">
            <Link href="/reissue-email" class="button button--primary" data-testid="reissue-mail-sent-ok">
              {t('ok')}
            </Link>
          </div>
          <p class="links">
            <Link href="/top">{t('backToTop')}</Link>
          </p>
        </div>
      </Layout>
    );
  }

  if (step === 'review') {
    const question = questions.find((q) => q.id === values.secretQuestionId)?.text ?? values.secretQuestionId;
    return (
      <Layout title={`${title}（${t('reissueReviewTitle')}）`}>
        <p class="lead">{t('reissueReviewLead')}</p>
        <FormErrors messages={formErrors} id="reissue-register-errors" />
        <section class="card" data-testid="reissue-review">
          <dl class="props">
            <div>
              <dt>{t('email')}</dt>
              <dd data-testid="review-email">{values.email}</dd>
            </div>
            <div>
              <dt>{t('secretQuestion')}</dt>
              <dd data-testid="review-secretQuestion">{question}</dd>
            </div>
            <div>
              <dt>{t('secretAnswer')}</dt>
              <dd data-testid="review-secretAnswer">{values.secretAnswer}</dd>
            </div>
          </dl>
        </section>
        <p class="note">{t('reissueNotYet')}</p>
        <div class="actions">
          <BusyButton
            type="button"
            class="button button--primary"
            onClick={onSubmit}
            busy={loading}
            data-testid="reissue-register-submit"
          >
            {t('updateButton')}
          </BusyButton>
          <BusyButton
            type="button"
            class="button button--secondary"
            onClick={() => setStep('form')}
            busy={loading}
            data-testid="reissue-register-back"
          >
            {t('back')}
          </BusyButton>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={title}>
      <p class="lead">{t('reissueRegisterLead')}</p>
      <form class="form" onSubmit={onNext} noValidate data-testid="reissue-register-form">
        <FormErrors messages={formErrors} id="reissue-register-errors" />
        <Field
          {...bind('email')}
          label={t('email')}
          type="email"
          inputMode="email"
          autocomplete="email"
          autocapitalize="off"
          spellcheck={false}
          placeholder={t('emailPlaceholder')}
          maxLength={254}
          required
        />
        <Field
          {...bind('emailConfirmation')}
          label={t('emailConfirmation')}
          type="email"
          inputMode="email"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          maxLength={254}
          required
        />
        <SecretQuestionField {...bind('secretQuestionId')} />
        <SecretAnswerField {...bind('secretAnswer')} hint={t('secretAnswerHint')} />
        <p class="field__hint">{t('reissueNotYet')}</p>
        <button type="submit" class="button button--primary" data-testid="reissue-register-next">
          {t('confirmButton')}
        </button>
      </form>
      <p class="links">
        <Link href="/top">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}
