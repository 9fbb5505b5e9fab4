import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldId } from './components/Field';
import { errorMessage } from './data/errors';
import { type FragmentType, getFragmentData } from './gql/fragment-masking';
import { FieldErrorsFieldsFragmentDoc } from './gql/graphql';
import { useI18n } from './i18n';
import { currentPath } from './router';

/** FieldError[] → messages per input name (several per field possible, all are shown). */
export interface FieldErrorLike {
  field: string;
  message: string;
}

export type ErrorsByField = Record<string, string[]>;

export function groupFieldErrors(errors: readonly FieldErrorLike[]): ErrorsByField {
  const out: ErrorsByField = {};
  for (const e of errors) {
    const list = out[e.field] ?? [];
    list.push(e.message);
    out[e.field] = list;
  }
  return out;
}

/** Messages for fields the form does not show (so nothing the server says is lost). */
export function unplacedErrors(byField: ErrorsByField, shown: readonly string[]): string[] {
  return Object.entries(byField)
    .filter(([field]) => !shown.includes(field))
    .flatMap(([, messages]) => messages);
}

/** Puts the keyboard on a field's input (nothing if there is no such field). */
export function focusField(name: string | undefined | null): void {
  if (name) document.getElementById(fieldId(name))?.focus();
}

/** Props that tie a Field (or SelectField) to one input of a useForm() form. */
export interface Binding {
  name: string;
  value: string;
  onValue: (value: string) => void;
  errors: string[] | undefined;
}

/** The `FieldErrors` result of a mutation, masked (forms.graphql's FieldErrorsFields). */
export type FieldErrorsRef = FragmentType<typeof FieldErrorsFieldsFragmentDoc>;

/** The inputs that are chosen (a <select>, a radio group): "please choose" instead of "required". */
const SELECT_FIELDS: readonly string[] = ['secretQuestionId', 'emailType'];

/**
 * State of a form whose inputs are all strings: the values (the keys of `empty`, in display
 * order, are the input names), errors per field and for the whole form.
 */
export function useForm<F extends Record<string, string>>(empty: F) {
  const { t } = useI18n();
  const fields = Object.keys(empty) as (keyof F & string)[];
  // Back after a forced re-login: what was typed before (never a secret), taken once.
  const [values, setValues] = useState<F>(() => ({ ...empty, ...takeInterrupted(fields) }));
  const [fieldErrors, setFieldErrors] = useState<ErrorsByField>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  useKeepable(fields, empty, values);

  const setValue = (name: keyof F & string, value: string) => setValues((f) => ({ ...f, [name]: value }));

  /** Props for a Field (or SelectField) showing input `name`. */
  const bind = (name: keyof F & string): Binding => ({
    name,
    value: values[name],
    onValue: (v: string) => setValue(name, v),
    errors: fieldErrors[name],
  });

  const clearErrors = () => {
    setFieldErrors({});
    setFormErrors([]);
  };

  /** Shows the errors; returns the first field (in display order) that has one. */
  const showErrors = (byField: ErrorsByField, messages: string[]): (keyof F & string) | undefined => {
    setFieldErrors(byField);
    setFormErrors(messages);
    return fields.find((f) => byField[f]);
  };

  /**
   * A FieldErrors result: each message at its input, the summary and the messages for inputs
   * not in `shownFields` as form errors (`fieldOf` maps the server's field names to the form's).
   * Returns the first field in error.
   */
  const showFieldErrors = (
    result: FieldErrorsRef,
    shownFields: readonly string[] = fields,
    fieldOf: (field: string) => string = (f) => f,
  ) => {
    const { message, errors } = getFragmentData(FieldErrorsFieldsFragmentDoc, result);
    const byField = groupFieldErrors(errors.map((e) => ({ ...e, field: fieldOf(e.field) })));
    return showErrors(byField, [message, ...unplacedErrors(byField, shownFields)]);
  };

  /** "Nothing entered" per empty input (every rule beyond that is the server's). */
  const missing = (): ErrorsByField => {
    const out: ErrorsByField = {};
    for (const f of fields) {
      if (!values[f].trim()) out[f] = [SELECT_FIELDS.includes(f) ? t('selectRequired') : t('fieldRequired')];
    }
    return out;
  };

  /** Shows the missing inputs, if any, and returns the first of them (undefined: none missing). */
  const showMissing = (byField: ErrorsByField) => showErrors(byField, [t('formHasErrors')]);

  /**
   * A submit handler: the browser's submit prevented, the previous errors cleared, and anything
   * thrown (network, server) shown as a form error.
   */
  const onSubmit =
    (run: () => Promise<void>) =>
    async (e?: Event): Promise<void> => {
      e?.preventDefault();
      clearErrors();
      try {
        await run();
      } catch (err) {
        setFormErrors([errorMessage(err, t)]);
      }
    };

  return {
    values,
    setValues,
    setValue,
    reset: () => setValues(empty),
    bind,
    fieldErrors,
    formErrors,
    setFormErrors,
    clearErrors,
    showErrors,
    showFieldErrors,
    missing,
    showMissing,
    onSubmit,
  };
}

// A form interrupted by a forced sign-out (expired session, the idle warning ignored) comes back after
// the same subscriber signs in again (WCAG 2.2.5): every mounted form is known here, and what was typed
// in it — never a secret — is kept in this tab's sessionStorage with the page's path until then.

const INTERRUPTED_KEY = 'webBilling.interruptedForm';
/** WCAG 2.2.6: data kept at least 20 hours needs no warning of its loss. */
const KEEP_MS = 20 * 3_600_000;
/** Once the re-login has claimed the copy, the page has this long to mount its form and take it. */
const CLAIMED_MS = 60_000;

/**
 * Never written anywhere: passwords, secret answers, card data, and the numbers that prove who one is
 * (the registered phone number of a mail link). By name, so a form on a step that is not shown is
 * covered too; the input itself is checked as well (below).
 */
const SECRET_NAMES = /password|answer|cardNumber|cvc|securityCode|expiry|registeredPhoneNumber/i;
const SECRET_AUTOCOMPLETE = /^(cc-|current-password|new-password|one-time-code)/;

function isSecret(name: string): boolean {
  if (SECRET_NAMES.test(name)) return true;
  const input = document.getElementById(fieldId(name));
  if (!input) return false;
  // A password shown as text by its toggle still says autocomplete="…-password".
  if (input instanceof HTMLInputElement && input.type === 'password') return true;
  return (
    input.hasAttribute('data-secret') || SECRET_AUTOCOMPLETE.test(input.getAttribute('autocomplete') ?? '')
  );
}

interface Interrupted {
  /** Whose form it was: only they get it back. */
  owner: string;
  path: string;
  at: number;
  /** When the owner's re-login claimed it (then the page's form takes it). */
  claimedAt: number | null;
  /** Non-secret values by form (its input names, joined). */
  forms: Record<string, Record<string, string>>;
}

function readInterrupted(): Interrupted | null {
  try {
    const raw = sessionStorage.getItem(INTERRUPTED_KEY);
    const saved = raw ? (JSON.parse(raw) as Interrupted) : null;
    return saved && typeof saved.path === 'string' && saved.forms ? saved : null;
  } catch {
    return null;
  }
}

function writeInterrupted(saved: Interrupted | null): void {
  try {
    if (saved) sessionStorage.setItem(INTERRUPTED_KEY, JSON.stringify(saved));
    else sessionStorage.removeItem(INTERRUPTED_KEY);
  } catch {
    /* storage blocked: the form is simply not kept */
  }
}

interface Keepable {
  key: string;
  empty: Record<string, string>;
  values: Record<string, string>;
}
const mounted = new Set<{ current: Keepable }>();

/** Makes this form's current values known to keepFormsForReLogin while it is mounted. */
function useKeepable(fields: string[], empty: Record<string, string>, values: Record<string, string>) {
  const ref = useRef<Keepable>({ key: fields.join(','), empty, values });
  ref.current = { key: fields.join(','), empty, values };
  useEffect(() => {
    mounted.add(ref);
    return () => {
      mounted.delete(ref);
    };
  }, []);
}

/**
 * The session ended under the subscriber (`owner`): keep what they typed in the forms on screen, and
 * where. Called by the app shell before it signs out.
 */
export function keepFormsForReLogin(owner: string): void {
  const forms: Interrupted['forms'] = {};
  for (const { current: form } of mounted) {
    const kept = Object.entries(form.values).filter(
      ([name, value]) => value !== form.empty[name] && !isSecret(name),
    );
    if (kept.length > 0) forms[form.key] = Object.fromEntries(kept);
  }
  if (Object.keys(forms).length === 0) return;
  writeInterrupted({ owner, path: currentPath(), at: Date.now(), claimedAt: null, forms });
}

/**
 * After a sign-in: the path of the form `owner` was typing in when the session ended, claimed for its
 * page to fill in; null when there is none. Another subscriber's copy (or a stale one) is forgotten.
 */
export function claimInterruptedForm(owner: string): string | null {
  const saved = readInterrupted();
  if (!saved) return null;
  if (saved.owner !== owner || Date.now() - saved.at > KEEP_MS) {
    writeInterrupted(null);
    return null;
  }
  writeInterrupted({ ...saved, claimedAt: Date.now() });
  return saved.path;
}

/** Logout: nothing typed before is brought back to whoever signs in next. */
export function forgetInterruptedForms(): void {
  writeInterrupted(null);
}

/** The claimed values of the form with these inputs on this page, once; then forgotten. */
function takeInterrupted(fields: readonly string[]): Record<string, string> {
  if (typeof window === 'undefined') return {};
  const saved = readInterrupted();
  if (!saved?.claimedAt || Date.now() - saved.claimedAt > CLAIMED_MS || saved.path !== currentPath())
    return {};
  const key = fields.join(',');
  const values = saved.forms[key];
  if (!values) return {};
  delete saved.forms[key];
  writeInterrupted(Object.keys(saved.forms).length > 0 ? saved : null);
  return Object.fromEntries(
    Object.entries(values).filter(([name, value]) => fields.includes(name) && typeof value === 'string'),
  );
}
