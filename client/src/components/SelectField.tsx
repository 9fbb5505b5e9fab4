import type { ComponentChildren, JSX } from 'preact';
import { controlProps, FieldFrame } from './Field';

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
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      <select
        {...rest}
        class="input select"
        {...controlProps(name, errors, hint)}
        value={value}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
