import { mapExchange } from '@urql/core';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { type FragmentType, getFragmentData } from '../gql/fragment-masking';
import { MeDocument, type MeQuery, type ViewerFieldsFragment, ViewerFieldsFragmentDoc } from '../gql/graphql';
import { rememberViewer, wipeSaved } from './persist';
import { forgetSessionExpiry } from './sessionExpiry';
import { hashOf } from './trusted';

export type Viewer = ViewerFieldsFragment;
/** A viewer as a query or mutation answers it (masked: this module reads ViewerFields). */
export type ViewerRef = FragmentType<typeof ViewerFieldsFragmentDoc>;
export const viewerOf = (ref: ViewerRef): Viewer => getFragmentData(ViewerFieldsFragmentDoc, ref);

/**
 * Who is signed in, as last told: by the server's `me` (any answer to the Me query), or by a
 * mutation that signed someone in or out (setViewer, clearSession) until the next `me` answer.
 * `undefined` = not known yet (ask `me`).
 */
let told: Viewer | null | undefined;
const listeners = new Set<(v: Viewer | null | undefined) => void>();
function tell(viewer: Viewer | null | undefined): void {
  told = viewer;
  for (const l of listeners) l(viewer);
}

/** The viewer a mutation or `me` last told, or undefined before either has. */
export function useToldViewer(): Viewer | null | undefined {
  const [value, setValue] = useState(told);
  useEffect(() => {
    listeners.add(setValue);
    setValue(told);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}

export const toldViewer = (): Viewer | null | undefined => told;

/** Makes the route guard reflect a viewer returned by a mutation (login, credential changes). */
export function setViewer(ref: ViewerRef): void {
  const viewer = viewerOf(ref);
  rememberViewer(viewer);
  tell(viewer);
}

/** Follows every `me` answer: the bills saved for another account, or for nobody, leave the device. */
export const viewerExchange = mapExchange({
  onResult(result) {
    if (!result.data || result.error || hashOf(result.operation.query) !== hashOf(MeDocument)) return;
    const ref = (result.data as MeQuery).me;
    const me = ref ? viewerOf(ref) : null;
    if (me) rememberViewer(me);
    else wipeSaved();
    tell(me);
  },
});

/** Forgets what this device holds of the session (logout or expiry): `me` is null until asked again. */
export function clearSession(): void {
  wipeSaved(); // the bills saved for offline reading go with the session
  forgetSessionExpiry(); // and the idle warning with it
  tell(null);
}

/**
 * Provided by the app shell: clearSession(), a new GraphQL client (nothing cached for the session
 * can be read again) and the routes remounted.
 */
export const ResetSessionContext = createContext<() => Promise<void>>(async () => {});
export const useResetSession = () => useContext(ResetSessionContext);

/** Whose session it is, for what is kept over a forced re-login (forms.ts). */
export const ownerOf = (viewer: Viewer): string => `${viewer.customerNumber}/${viewer.loginId}`;

// A one-shot notice for the login screen ("session expired", "logged out"), kept as a key so
// that it follows the language switch.
export type LoginNotice = 'sessionExpired' | 'loggedOut';
let pendingNotice: LoginNotice | null = null;
export const setLoginNotice = (n: LoginNotice | null) => {
  pendingNotice = n;
};
export const takeLoginNotice = (): LoginNotice | null => {
  const n = pendingNotice;
  pendingNotice = null;
  return n;
};
