import type { ComponentChildren } from 'preact';

interface FormErrorsProps {
  messages: readonly string[];
  id?: string;
  testId?: string;
  children?: ComponentChildren;
}

/** Form-level errors, announced by screen readers as they appear. */
export function FormErrors({ messages, id, testId = 'form-error', children }: FormErrorsProps) {
  // The live region is always rendered so that inserting text is announced reliably.
  return (
    <div
      role="alert"
      id={id}
      class={messages.length > 0 ? 'alert alert--error' : 'alert-empty'}
      data-testid={testId}
    >
      {messages.length === 1 ? <p>{messages[0]}</p> : null}
      {messages.length > 1 ? (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {messages.length > 0 ? children : null}
    </div>
  );
}
