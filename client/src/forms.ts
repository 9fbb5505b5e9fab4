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
