// When the server will end the session (the idle warning, WCAG 2.2.1). Every answer to a signed-in
// request carries `Session-Expires-In` (seconds left, counted by the server, which slides the idle end
// on every request; client.ts reads it off every answer), so the deadline here follows the server instead of guessing from our own
// activity. Seconds rather than a time: the device's clock need not agree with the server's.
import { useEffect, useState } from 'preact/hooks';

/** `Date.now()` at which the session ends, or null when no signed-in answer has said (or after sign-out). */
let deadline: number | null = null;
const listeners = new Set<(deadline: number | null) => void>();

function set(next: number | null): void {
  deadline = next;
  for (const l of listeners) l(next);
}

/** A signed-in answer (or extendSession) said how many seconds are left. */
export function noteSessionExpiresIn(seconds: number): void {
  if (Number.isFinite(seconds) && seconds >= 0) set(Date.now() + seconds * 1000);
}

/** The session is over on this device (logout, expiry): no deadline to watch. */
export function forgetSessionExpiry(): void {
  set(null);
}

export function useSessionDeadline(): number | null {
  const [value, setValue] = useState(deadline);
  useEffect(() => {
    listeners.add(setValue);
    setValue(deadline);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}
