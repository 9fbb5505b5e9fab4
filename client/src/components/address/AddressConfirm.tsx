import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Binding, type FieldErrorsRef, focusField, useForm } from '../../forms';
import { useI18n } from '../../i18n';
import { clearLinkToken, takeLinkToken } from '../../linkToken';
import { Link } from '../../router';
import { BusyButton } from '../BusyButton';
import { FormErrors } from '../FormErrors';
import { Layout } from '../Layout';
import { PropRows, type Row } from './PropRows';

/** The wording of a link page that differs between the addresses. */
export interface ConfirmWords {
  confirmTitle: string;
  confirmLead: string;
  confirmButton: string;
  registeredTitle: string;
  registeredBody: string;
  noToken: string;
  registerAgain: string;
  loginToRegisterAgain: string;
}

type Invalid = { __typename: 'InvalidOrExpiredToken'; message: string };
type Rejected = { __typename: 'FieldErrors' } & FieldErrorsRef;
const isInvalid = (r: { __typename: string }): r is Invalid => r.__typename === 'InvalidOrExpiredToken';
const isRejected = (r: { __typename: string }): r is Rejected => r.__typename === 'FieldErrors';
/** The confirm mutation's result: the registered address (the feature's own type), or one of these. */
type Result = Invalid | Rejected | { __typename: string };
type Registered<R> = Exclude<R, { __typename: 'InvalidOrExpiredToken' } | { __typename: 'FieldErrors' }>;

interface AddressConfirmProps<F extends Record<string, string>, R extends Result> {
  /** Prefix of the ids and test ids (`${id}-confirm-form`, `${id}-invalid-token`, …). */
  id: string;
  /** Test id of the "registered" outcome. */
  registeredTestId: string;
  words: ConfirmWords;
  signedIn: boolean;
  /** Signed in: the PC layout's side menu. */
  menu?: boolean;
  /** What proves the owner, empty, in display order. */
  empty: F;
  fields: (bind: (name: keyof F & string) => Binding) => ComponentChildren;
  confirm: (token: string, values: F) => Promise<R | null | undefined>;
  sending: boolean;
  /** The registered address, as the server gives it back. */
  registeredRows: (result: Registered<R>) => Row[];
  /** Signed in: the status page, where "register again" leads. */
  statusHref: string;
  /** Signed in: where the "registered" page's button leads, and its label. */
  done: { href: string; label: string };
}

type Outcome<R> =
  | { kind: 'registered'; result: Registered<R> }
  | { kind: 'invalid'; message: string | null }
  | null;

/**
 * The page a mailed link opens: the token is taken from the fragment, the owner proves who they are
 * again, then the address is active. Works signed in and signed out.
 */
export function AddressConfirm<F extends Record<string, string>, R extends Result>(
  props: AddressConfirmProps<F, R>,
) {
  const { id, words: w, signedIn } = props;
  const { t } = useI18n();
  const [token, setToken] = useState(takeLinkToken);
  const form = useForm<F>(props.empty);
  const { values, bind, formErrors, clearErrors } = form;
  const [outcome, setOutcome] = useState<Outcome<R>>(token ? null : { kind: 'invalid', message: null });

  // Another mail link opened in this same tab only changes the fragment: start over with it.
  useEffect(() => {
    const onHash = () => {
      const next = takeLinkToken();
      if (!next) return;
      setToken(next);
      setOutcome(null);
      clearErrors();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onSubmit = form.onSubmit(async () => {
    const missing = form.missing();
    if (Object.keys(missing).length > 0 || !token) {
      focusField(form.showMissing(missing) ?? Object.keys(props.empty)[0]);
      return;
    }
    const result = await props.confirm(token, values);
    if (!result) throw new Error('empty result');
    if (isRejected(result)) {
      focusField(form.showFieldErrors(result));
      return;
    }
    // Registered or not, the link is spent.
    clearLinkToken();
    setOutcome(
      isInvalid(result)
        ? { kind: 'invalid', message: result.message }
        : // Neither refused nor invalid: the feature's registered type (a generic is not narrowed).
          { kind: 'registered', result: result as Registered<R> },
    );
  });

  if (outcome?.kind === 'registered') {
    return (
      <Layout title={w.registeredTitle} menu={props.menu}>
        <div data-testid={props.registeredTestId}>
          <p class="alert alert--success">{w.registeredBody}</p>
          <dl class="props card">
            <PropRows rows={props.registeredRows(outcome.result)} />
          </dl>
          <div class="actions">
            <Link
              href={signedIn ? props.done.href : '/login'}
              class="button button--primary"
              data-testid={`${id}-registered-ok`}
            >
              {signedIn ? props.done.label : t('backToLoginPage')}
            </Link>
          </div>
        </div>
      </Layout>
    );
  }

  if (outcome?.kind === 'invalid') {
    return (
      <Layout title={w.confirmTitle} menu={props.menu}>
        <div data-testid={`${id}-invalid-token`}>
          <p class="alert alert--error" role="alert">
            {outcome.message ?? w.noToken}
          </p>
          <p class="links">
            <Link href={signedIn ? props.statusHref : '/login'} data-testid={`${id}-register-again`}>
              {signedIn ? w.registerAgain : w.loginToRegisterAgain}
            </Link>
          </p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={w.confirmTitle} menu={props.menu}>
      <p class="lead">{w.confirmLead}</p>
      <form class="form" onSubmit={onSubmit} noValidate data-testid={`${id}-confirm-form`}>
        <FormErrors messages={formErrors} id={`${id}-confirm-errors`} />
        {props.fields(bind)}
        <BusyButton
          type="submit"
          class="button button--primary"
          busy={props.sending}
          data-testid={`${id}-confirm-submit`}
        >
          {w.confirmButton}
        </BusyButton>
      </form>
    </Layout>
  );
}
