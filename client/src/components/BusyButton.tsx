import type { JSX } from 'preact';

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean };

/**
 * A button that keeps the keyboard focus while its request runs. A `disabled` button drops focus to
 * <body> (a screen reader user is lost after a wrong password or a declined card); this one only
 * says it is unavailable (aria-disabled) and ignores presses — a click, and the Enter that submits a
 * form (the browser's implicit submission is a click on the submit button, so it is cancelled too).
 */
export function BusyButton({ busy, onClick, ...props }: Props) {
  return (
    <button
      {...props}
      aria-disabled={busy ? 'true' : undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.call(e.currentTarget, e);
      }}
    />
  );
}
