import { useState } from 'preact/hooks';
import { forgetInterruptedForms } from '../forms';
import { LogoutDocument } from '../gql/graphql';
import { navigate } from '../router';
import { useMutation } from './hooks';
import { setLoginNotice, useResetSession } from './session';

/** Logs out on the server, then wipes every cached datum of the session and returns to /login. */
export function useLogout(): { logout: () => Promise<void>; busy: boolean } {
  const resetSession = useResetSession();
  const [mutate] = useMutation(LogoutDocument);
  const [busy, setBusy] = useState(false);
  const logout = async () => {
    setBusy(true);
    try {
      await mutate({});
    } catch {
      // Even if the server could not be reached, the local session data must go.
    } finally {
      setLoginNotice('loggedOut'); // before clearing: `me` = null already routes to /login
      forgetInterruptedForms(); // a form kept from an expired session is not for the next one
      await resetSession();
      setBusy(false);
      navigate('/login', { replace: true });
    }
  };
  return { logout, busy };
}
