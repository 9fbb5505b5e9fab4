import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import possibleTypesResult from '../gql/possible-types';
import { getLang } from '../i18n';
import { emitAuthEvent } from './events';
import { persistLink } from './persist';

/** Sends the UI language so the server localises every UserError/FieldError `message`. */
const languageLink = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    headers: { ...headers, 'Accept-Language': getLang() },
  }));
  return forward(operation);
});

/** Cross-cutting thrown errors: an expired session or a pending forced change is handled app-wide. */
const authErrorLink = new ErrorLink(({ error }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  for (const e of error.errors) {
    const code = e.extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'CREDENTIAL_CHANGE_REQUIRED') {
      emitAuthEvent(code);
      return;
    }
  }
});

// The session is an httpOnly cookie set by the server: same-origin credentials, no token in JS.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([languageLink, authErrorLink, persistLink, httpLink]),
    cache: new InMemoryCache({
      possibleTypes: possibleTypesResult.possibleTypes,
      typePolicies: {
        // Not normalised on purpose: a Viewer returned by a mutation must not silently change
        // `me` (the route guard) before the screen has navigated; setViewer() updates it explicitly.
        Viewer: { keyFields: false },
        Query: { fields: { me: { merge: false } } },
        // One bill summary per month for the signed-in account: the top screen, the 4- and
        // 15-month lists, the summary and the breakdown share it.
        Billing: { keyFields: [] },
        Invoice: { keyFields: ['billingMonth'] },
      },
    }),
  });
}
