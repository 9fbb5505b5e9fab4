import { useState } from 'preact/hooks';
import { errorMessage } from './apollo/errors';
import { fieldId } from './components/Field';
import { useI18n } from './i18n';

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

/** The `FieldErrors` result of a mutation (the FieldErrorsFields fragment). */
export interface FieldErrorsLike {
  message: string;
  errors: readonly FieldErrorLike[];
}

/** The inputs that are chosen (a <select>, a radio group): "please choose" instead of "required". */
const SELECT_FIELDS: readonly string[] = ['secretQuestionId', 'emailType'];

/**
 * State of a form whose inputs are all strings: the values (the keys of `empty`, in display
 * order, are the input names), errors per field and for the whole form.
 */
export function useForm<F extends Record<string, string>>(empty: F) {
  const { t } = useI18n();
  const [values, setValues] = useState<F>(empty);
  const [fieldErrors, setFieldErrors] = useState<ErrorsByField>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const fields = Object.keys(empty) as (keyof F & string)[];

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
   * not in `shownFields` as form errors. Returns the first field in error.
   */
  const showFieldErrors = (result: FieldErrorsLike, shownFields: readonly string[] = fields) => {
    const byField = groupFieldErrors(result.errors);
    return showErrors(byField, [result.message, ...unplacedErrors(byField, shownFields)]);
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
