import type { ComponentChildren } from 'preact';
import { fieldId } from './Field';

interface RadioFieldProps {
  /** Input name; equals the GraphQL input field name so FieldError.field maps onto it. */
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  errors?: readonly string[];
  options: readonly { value: string; label: string }[];
  hint?: ComponentChildren;
}

/**
 * A radio group in a fieldset (the legend is its label), errors linked through aria-describedby.
 * The first radio carries the field's id, so focusField() puts the keyboard on the group.
 */
export function RadioField({ name, label, value, onValue, errors = [], options, hint }: RadioFieldProps) {
  const id = fieldId(name);
  const described = [...(errors.length > 0 ? [`${id}-error`] : []), ...(hint ? [`${id}-hint`] : [])].join(
    ' ',
  );
  return (
    <fieldset
      class={errors.length > 0 ? 'fieldset radios field--invalid' : 'fieldset radios'}
      aria-describedby={described || undefined}
      aria-invalid={errors.length > 0 ? true : undefined}
    >
      <legend class="fieldset__legend">{label}</legend>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((o, i) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            class="radio__input"
            id={i === 0 ? id : `${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
            data-testid={name}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {errors.length > 0 ? (
        <ul class="field__errors" id={`${id}-error`} data-testid={`${name}-error`}>
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
