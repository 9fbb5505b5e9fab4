import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorCode, errorMessage } from '../data/errors';
import { emitAuthEvent } from '../data/events';
import { useMutation } from '../data/hooks';
import { noteSessionExpiresIn, useSessionDeadline } from '../data/sessionExpiry';
import { useLogout } from '../data/useLogout';
import { fill } from '../format';
import { ExtendSessionDocument } from '../gql/graphql';
import { useI18n } from '../i18n';

/** The warning comes this long before the server ends the session (WCAG 2.2.1: at least 20 s). */
export const WARN_MS = 2 * 60_000;

/**
 * The idle-logout warning (WCAG 2.2.1 Timing Adjustable): two minutes before the server would end an
 * idle session, a modal alert dialog says so, counts down and offers to stay signed in (the server
 * starts the idle period again) or to log out. Ignored, the session ends as an expired one does. The
 * deadline is the server's (data/sessionExpiry.ts): any request moves it, and the dialog closes.
 */
export function IdleWarning() {
  const deadline = useSessionDeadline();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (deadline === null) return;
    let timer: number | undefined;
    const step = () => {
      window.clearTimeout(timer);
      const at = Date.now();
      setNow(at);
      const left = deadline - at;
      if (left <= 0) {
        // The server has ended the session by now: leave as an expired session does.
        emitAuthEvent('UNAUTHENTICATED');
        return;
      }
      // Asleep until the warning, then on each whole second of the countdown.
      timer = window.setTimeout(step, left > WARN_MS ? left - WARN_MS : ((left - 1) % 1000) + 1);
    };
    step();
    // A phone puts a background tab's timers to sleep: look again when it is shown.
    document.addEventListener('visibilitychange', step);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', step);
    };
  }, [deadline]);

  if (deadline === null || deadline - now > WARN_MS || deadline <= now) return null;
  return <IdleDialog secondsLeft={Math.ceil((deadline - now) / 1000)} />;
}

function IdleDialog({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const leave = useRef<HTMLButtonElement>(null);
  const [extend, { loading }] = useMutation(ExtendSessionDocument);
  const { logout, busy } = useLogout();
  const [limit, setLimit] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Modal (native <dialog>: the page behind is inert), focus on "stay signed in", and back where it
  // was when the dialog goes. In the same frame as the render (not after paint): a <dialog> not yet
  // shown is invisible.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    stay.current?.focus();
    return () => {
      if (d?.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // At the session's absolute end there is nothing to stay for: the keyboard goes to "log out".
  useEffect(() => {
    if (limit) leave.current?.focus();
  }, [limit]);

  const onStay = async () => {
    if (loading || busy) return;
    setError(null);
    try {
      const result = (await extend({})).extendSession;
      if (!result) throw new Error('empty result');
      // The answer's header has already moved the deadline (and closed this dialog); the body says the same.
      noteSessionExpiresIn(result.expiresIn);
      if (result.__typename === 'SessionLimitReached') setLimit(result.message);
    } catch (err) {
      // An ended session signs out through the auth link; anything else is said here.
      if (errorCode(err) !== 'UNAUTHENTICATED') setError(errorMessage(err, t));
    }
  };

  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  const time =
    minutes > 0
      ? fill(t('idleMinutesSeconds'), { m: String(minutes), s: String(seconds) })
      : fill(t('idleSeconds'), { s: String(seconds) });

  return (
    <dialog
      ref={dialog}
      class="idle-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-time idle-warning-body"
      data-testid="idle-warning"
      // Escape: the subscriber is evidently there, so it keeps them signed in (closing the warning
      // without that would only let the session end unannounced).
      onCancel={(e) => {
        e.preventDefault();
        if (!limit) void onStay();
      }}
    >
      <h2 id="idle-warning-title" class="idle-dialog__title">
        {t('idleTitle')}
      </h2>
      <p id="idle-warning-time" class="idle-dialog__time" role="timer" data-testid="idle-warning-time">
        {fill(t('idleTimeLeft'), { time })}
      </p>
      <p id="idle-warning-body">{limit ?? t('idleBody')}</p>
      {error ? (
        <p class="alert alert--error" role="alert" data-testid="idle-warning-error">
          {error}
        </p>
      ) : null}
      <div class="idle-dialog__actions">
        {limit ? null : (
          <button
            ref={stay}
            type="button"
            class="button button--primary"
            disabled={loading || busy}
            onClick={() => void onStay()}
            data-testid="idle-stay"
          >
            {t('idleStay')}
          </button>
        )}
        <button
          ref={leave}
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => void logout()}
          data-testid="idle-logout"
        >
          {t('logout')}
        </button>
      </div>
    </dialog>
  );
}
