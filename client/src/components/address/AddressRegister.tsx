import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fill, formatDateTime } from '../../format';
import { type Binding, type FieldErrorsRef, focusField, useForm } from '../../forms';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { BusyButton } from '../BusyButton';
import { Field } from '../Field';
import { FormErrors } from '../FormErrors';
import { Layout } from '../Layout';
import { type BackLink, Links } from './AddressStatus';
import { PropRows, type Row } from './PropRows';

/** The wording of a register flow that differs between the addresses. */
export interface RegisterWords {
  registerLead: string;
  /** The form's button (to the review). */
  nextButton: string;
  /** The review's button (sends the mail). */
  submitButton: string;
  reviewLead: string;
  notYet: string;
  mailSentTitle: string;
  mailSentBody: string;
  mailSentClick: string;
  mailSentNotYet: string;
}

/** The register mutation's result: the link is mailed, or the input is refused. */
export type RegisterResult =
  | { __typename: 'ConfirmationMailSent'; email: string; expiresAt: string }
  | ({ __typename: 'FieldErrors' } & FieldErrorsRef);

interface AddressRegisterProps<F extends Record<string, string>, I> {
  /** Prefix of the ids and test ids (`${id}-register-form`, `${id}-review`, `${id}-mail-sent`, …). */
  id: string;
  /** Prefix of the form's and the review's button test ids (`${buttons}-next`, `-submit`, `-back`). */
  buttons: string;
  title: string;
  reviewTitle: string;
  words: RegisterWords;
  menu?: boolean;
  /** The form's inputs, empty, in display order. */
  empty: F;
  fields: (bind: (name: keyof F & string) => Binding) => ComponentChildren;
  /** The input as the server will use it: what the review shows and what is sent. */
  toInput: (values: F) => I;
  reviewRows: (input: I) => Row[];
  send: (input: I) => Promise<RegisterResult | null | undefined>;
  sending: boolean;
  /** The status page (where "OK" on the mail-sent page goes). */
  statusHref: string;
  /** Below the form. */
  notes?: ComponentChildren;
  back?: BackLink;
}

type Step = 'form' | 'review' | { email: string; expiresAt: string };

/**
 * Register (or change) an address confirmed by mail: the form, a review of the input as it will
 * be used, then "mail sent" with the link's expiry. Only "nothing entered" is checked here; every
 * rule is the server's, shown back on the form.
 */
export function AddressRegister<F extends Record<string, string>, I>(props: AddressRegisterProps<F, I>) {
  const { id, buttons, words: w } = props;
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>('form');
  const form = useForm<F>(props.empty);
  const { values, bind, formErrors } = form;
  const [focus, setFocus] = useState<string | null>(null);

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
    const missing = form.missing();
    if (Object.keys(missing).length > 0) {
      backToForm(form.showMissing(missing));
      return;
    }
    form.clearErrors();
    setStep('review');
  };

  const onSubmit = form.onSubmit(async () => {
    const result = await props.send(props.toInput(values));
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
      <Layout title={w.mailSentTitle} menu={props.menu}>
        <div data-testid={`${id}-mail-sent`}>
          <div class="alert alert--success">
            <p>{fill(w.mailSentBody, { email: step.email })}</p>
            <p>{fill(w.mailSentClick, { expires: formatDateTime(step.expiresAt, lang) })}</p>
          </div>
          <p class="alert alert--info">
            <strong>{w.mailSentNotYet}</strong>
          </p>
          <div class="actions">
            <Link href={props.statusHref} class="button button--primary" data-testid={`${id}-mail-sent-ok`}>
              {t('ok')}
            </Link>
          </div>
          <Links />
        </div>
      </Layout>
    );
  }

  if (step === 'review') {
    return (
      <Layout title={props.reviewTitle} menu={props.menu}>
        <p class="lead">{w.reviewLead}</p>
        <FormErrors messages={formErrors} id={`${id}-register-errors`} />
        <section class="card" data-testid={`${id}-review`}>
          <dl class="props">
            <PropRows rows={props.reviewRows(props.toInput(values))} />
          </dl>
        </section>
        <p class="note">{w.notYet}</p>
        <div class="actions">
          <BusyButton
            type="button"
            class="button button--primary"
            onClick={onSubmit}
            busy={props.sending}
            data-testid={`${buttons}-submit`}
          >
            {w.submitButton}
          </BusyButton>
          <BusyButton
            type="button"
            class="button button--secondary"
            onClick={() => setStep('form')}
            busy={props.sending}
            data-testid={`${buttons}-back`}
          >
            {t('back')}
          </BusyButton>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={props.title} menu={props.menu}>
      <p class="lead">{w.registerLead}</p>
      <form class="form" onSubmit={onNext} noValidate data-testid={`${id}-register-form`}>
        <FormErrors messages={formErrors} id={`${id}-register-errors`} />
        {props.fields(bind)}
        <p class="field__hint">{w.notYet}</p>
        <button type="submit" class="button button--primary" data-testid={`${buttons}-next`}>
          {w.nextButton}
        </button>
      </form>
      {props.notes}
      <Links back={props.back} />
    </Layout>
  );
}

/** An address input (`confirmation`: the second, typed-again one, which the browser does not fill). */
export function EmailField({ confirmation, ...binding }: Binding & { confirmation?: boolean }) {
  const { t } = useI18n();
  return (
    <Field
      {...binding}
      label={confirmation ? t('emailConfirmation') : t('email')}
      type="email"
      inputMode="email"
      autocomplete={confirmation ? 'off' : 'email'}
      autocapitalize="off"
      spellcheck={false}
      placeholder={confirmation ? undefined : t('emailPlaceholder')}
      maxLength={254}
      required
    />
  );
}
