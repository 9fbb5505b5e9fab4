import type { ComponentChildren, JSX } from 'preact';
import { fieldId } from './Field';

type SelectProps = Omit<
  JSX.SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name' | 'value' | 'onInput' | 'onChange'
>;

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends SelectProps {
  /** Input name; equals the GraphQL input field name so FieldError.field maps onto it. */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly SelectOption[];
  /** The first, empty choice ("please choose"). */
  placeholder: string;
  errors?: readonly string[];
  hint?: ComponentChildren;
}

/** A labelled <select> with the same id, error and test-id conventions as Field. */
export function SelectField({
  name,
  label,
  value,
  onValue,
  options,
  placeholder,
  errors = [],
  hint,
  ...rest
}: SelectFieldProps) {
  const id = fieldId(name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [...(errors.length > 0 ? [errorId] : []), ...(hint ? [hintId] : [])].join(' ');
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
      <select
        {...rest}
        class="input select"
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={described || undefined}
        data-testid={name}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
