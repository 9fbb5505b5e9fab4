import type { ApolloClient } from '@apollo/client';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { MeDocument, type ViewerFieldsFragment } from '../gql/graphql';
import { rememberViewer, wipeSaved } from './persist';
import { forgetSessionExpiry } from './sessionExpiry';

export type Viewer = ViewerFieldsFragment;

/** Makes `me` (and thereby the route guard) reflect a viewer returned by a mutation. */
export function setViewer(client: ApolloClient, viewer: Viewer): void {
  // The cache adds __typename to every selection set; keep it on the written object too.
  const me = Object.assign({ __typename: 'Viewer' as const }, viewer);
  rememberViewer(viewer, client);
  client.writeQuery({ query: MeDocument, data: { __typename: 'Query', me } });
}

/** Forgets everything cached for the session (logout or expiry), leaving `me` = null. */
export async function clearSession(client: ApolloClient): Promise<void> {
  wipeSaved(); // the bills saved for offline reading go with the session
  forgetSessionExpiry(); // and the idle warning with it
  await client.clearStore();
  client.writeQuery({ query: MeDocument, data: { __typename: 'Query', me: null } });
}

/**
 * Provided by the app shell: clearSession() and then remount the routes. clearStore() discards
 * the cache watches of active queries, so the `me` query must be recreated to see `me` = null
 * (and later logins) without a network round trip.
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
