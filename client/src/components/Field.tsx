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
  const id = fieldId(name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [...(errors.length > 0 ? [errorId] : []), ...(hint ? [hintId] : []), ...describedBy].join(
    ' ',
  );
  const inputProps: JSX.InputHTMLAttributes<HTMLInputElement> = {
    ...rest,
    id,
    name,
    value,
    onInput: (e) => onValue((e.currentTarget as HTMLInputElement).value),
    'aria-invalid': errors.length > 0 ? true : undefined,
    'aria-describedby': described || undefined,
    'data-testid': name,
  } as JSX.InputHTMLAttributes<HTMLInputElement>;

  return (
    <div class={errors.length > 0 ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {password ? <PasswordInput {...inputProps} /> : <input class="input" type="text" {...inputProps} />}
      {errors.length > 0 ? (
        <ul class="field__errors" id={errorId} data-testid={`${name}-error`}>
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
