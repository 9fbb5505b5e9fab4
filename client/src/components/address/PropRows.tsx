import type { ComponentChildren } from 'preact';

/** One label/value pair of a `<dl class="props">`; `testId` marks the value. */
export interface Row {
  label: string;
  value: ComponentChildren;
  testId?: string;
}

/** The rows of a `<dl class="props">` (the caller's `<dl>` carries the class). */
export function PropRows({ rows }: { rows: readonly Row[] }) {
  return (
    <>
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd data-testid={row.testId}>{row.value}</dd>
        </div>
      ))}
    </>
  );
}
