import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { Layout } from '../../components/Layout';
import { RadioField } from '../../components/RadioField';
import { fill, formatDateTime } from '../../format';
import { focusField, useForm } from '../../forms';
import {
  type BillingNotificationEmailType,
  NotificationEmailDocument,
  RegisterBillingNotificationEmailDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { NotificationNotes, typeLabel } from './Notification';
import { useNotificationStrings } from './strings';

const EMPTY = { emailType: '', email: '' };

type Step = 'form' | 'review' | { email: string; expiresAt: string };

/**
 * Guide 4 (4)–(11): choose the type and enter the address, confirm it, then the temporary
 * registration is done and a mail with a link (valid 24 h) goes out. Also the change screen (the
 * active address stays in use until the new one is registered formally).
 */
export function NotificationRegisterPage() {
  const { t, lang } = useI18n();
  const s = useNotificationStrings();
  const status = useQuery(NotificationEmailDocument);
  const [mutate, { loading }] = useMutation(RegisterBillingNotificationEmailDocument);
  const [step, setStep] = useState<Step>('form');
  const form = useForm(EMPTY);
  const { values, bind, formErrors } = form;
  const [focus, setFocus] = useState<string | null>(null);

  const changing = Boolean(status.data?.billing.notificationEmail?.email);
  const title = changing ? s.changeTitle : s.registerTitle;

  // After the step has rendered: put the keyboard on the first field in error.
  useEffect(() => {
    if (!focus) return;
    focusField(focus);
    setFocus(null);
  }, [focus]);

  const backToForm = (first: string | undefined) => {
    setStep('form');
    setFocus(first ?? null);
  };

  const onNext = (e: Event) => {
    e.preventDefault();
    // Only "nothing entered" is checked here; every rule is the server's (shown on submit).
    const missing = form.missing();
    if (Object.keys(missing).length > 0) {
      backToForm(form.showMissing(missing));
      return;
    }
    form.clearErrors();
    setStep('review');
  };

  const onSubmit = form.onSubmit(async () => {
    const input = { emailType: values.emailType as BillingNotificationEmailType, email: values.email.trim() };
    const { data } = await mutate({ variables: { input } });
    const result = data?.registerBillingNotificationEmail;
    if (!result) throw new Error('empty result');
    if (result.__typename === 'ConfirmationMailSent') {
      form.reset();
      setStep({ email: result.email, expiresAt: result.expiresAt });
      return;
    }
    backToForm(form.showFieldErrors(result));
  });

  if (typeof step === 'object') {
    return (
      <Layout title={s.mailSentTitle} menu>
        <div data-testid="notification-mail-sent">
          <div class="alert alert--success">
            <p>{fill(s.mailSentBody, { email: step.email })}</p>
            <p>{fill(s.mailSentClick, { expires: formatDateTime(step.expiresAt, lang) })}</p>
          </div>
          <p class="alert alert--info">
            <strong>{s.mailSentNotYet}</strong>
          </p>
          <div class="actions">
            <Link
              href="/bills/notification"
              class="button button--primary"
              data-testid="notification-mail-sent-ok"
            >
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
    return (
      <Layout title={s.reviewTitle} menu>
        <p class="lead">{s.reviewLead}</p>
        <FormErrors messages={formErrors} id="notification-register-errors" />
        <section class="card" data-testid="notification-review">
          <dl class="props">
            <div>
              <dt>{s.emailType}</dt>
              <dd data-testid="review-emailType">
                {typeLabel(s, values.emailType as BillingNotificationEmailType)}
              </dd>
            </div>
            <div>
              <dt>{t('email')}</dt>
              <dd data-testid="review-email">{values.email.trim()}</dd>
            </div>
          </dl>
        </section>
        <p class="note">{s.notYet}</p>
        <div class="actions">
          <BusyButton
            type="button"
            class="button button--primary"
            onClick={onSubmit}
            busy={loading}
            data-testid="notification-submit"
          >
            {s.nextButton}
          </BusyButton>
          <BusyButton
            type="button"
            class="button button--secondary"
            onClick={() => setStep('form')}
            busy={loading}
            data-testid="notification-back"
          >
            {t('back')}
          </BusyButton>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={title} menu>
      <p class="lead">{s.registerLead}</p>
      <form class="form" onSubmit={onNext} noValidate data-testid="notification-register-form">
        <FormErrors messages={formErrors} id="notification-register-errors" />
        <RadioField
          {...bind('emailType')}
          label={s.emailType}
          options={[
            { value: 'MOBILE', label: s.typeMOBILE },
            { value: 'INTERNET', label: s.typeINTERNET },
          ]}
        />
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
        <p class="field__hint">{s.notYet}</p>
        <button type="submit" class="button button--primary" data-testid="notification-next">
          {s.nextButton}
        </button>
      </form>
      <NotificationNotes />
      <p class="links">
        <Link href="/bills/notification">{t('back')}</Link>
        <Link href="/top">{t('backToTop')}</Link>
      </p>
    </Layout>
  );
}
