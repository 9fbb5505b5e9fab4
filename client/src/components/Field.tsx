import type { ComponentChildren, JSX } from 'preact';
import { PasswordInput } from './PasswordInput';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onInput'>;

interface FieldProps extends InputProps {
  /** Input name; equals the GraphQL input field name so FieldError.field maps onto it. */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  errors?: readonly string[];
  /** ids of hint elements (e.g. conditions) that describe this input */
  describedBy?: string[];
  password?: boolean;
  hint?: ComponentChildren;
}

export const fieldId = (name: string) => `f-${name}`;

/** The id, name, aria wiring (errors, hint, other describers) and test id of a field's control. */
export function controlProps(
  name: string,
  errors: readonly string[],
  hint: ComponentChildren,
  describedBy: readonly string[] = [],
) {
  const id = fieldId(name);
  const described = [
    ...(errors.length > 0 ? [`${id}-error`] : []),
    ...(hint ? [`${id}-hint`] : []),
    ...describedBy,
  ].join(' ');
  return {
    id,
    name,
    'aria-invalid': errors.length > 0 ? true : undefined,
    'aria-describedby': described || undefined,
    'data-testid': name,
  };
}

interface FieldFrameProps {
  name: string;
  label: string;
  errors: readonly string[];
  hint?: ComponentChildren;
  /** The control, with controlProps() applied. */
  children: ComponentChildren;
}

/** Label, hint and error list around a field's control (Field, SelectField). */
export function FieldFrame({ name, label, errors, hint, children }: FieldFrameProps) {
  const id = fieldId(name);
  return (
    <div class={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {errors.length > 0 ? (
        <ul class="field__errors" id={`${id}-error`} data-testid={`${name}-error`}>
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A labelled input with its errors linked through aria-describedby. */
export function Field({
  name,
  label,
  value,
  onValue,
  errors = [],
  describedBy = [],
  password,
  hint,
  ...rest
}: FieldProps) {
  const inputProps: JSX.InputHTMLAttributes<HTMLInputElement> = {
    ...rest,
    ...controlProps(name, errors, hint, describedBy),
    value,
    onInput: (e) => onValue((e.currentTarget as HTMLInputElement).value),
  } as JSX.InputHTMLAttributes<HTMLInputElement>;

  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      {password ? <PasswordInput {...inputProps} /> : <input class="input" type="text" {...inputProps} />}
    </FieldFrame>
  );
}
