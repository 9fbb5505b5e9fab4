import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import possibleTypesResult from '../gql/possible-types';
import { getLang } from '../i18n';
import { emitAuthEvent } from './events';
import { persistLink } from './persist';
import { sessionExpiryLink } from './sessionExpiry';

/**
 * Sends the UI language: the server localises every UserError/FieldError `message` and the carrier
 * and service names by it (see refetchInLanguage for what a switch does to the cache).
 */
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

/**
 * Trusted documents: every request carries only the id of its document (Apollo's persisted-query
 * format, `extensions.persistedQuery.sha256Hash`, no `query`). The ids are the sha256 of the texts
 * that codegen writes to gql/persisted-documents.json (and the console's), which the server runs;
 * each typed document of gql/graphql.ts carries its own as `__meta__.hash` (codegen.yml).
 */
const trustedDocumentLink = new PersistedQueryLink({
  generateHash: (document) => {
    const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    // A document that is not one of ours (or lost its id) fails here rather than going out as text.
    if (typeof hash !== 'string') throw new Error('GraphQL document without a persisted-document id');
    return hash.replace(/^sha256:/, ''); // the wire carries the bare hex, whatever codegen's spelling
  },
  // Only an unknown id (a client older or newer than the server) is retried, with the text, which
  // the server refuses from browsers in production; the id always goes first, for every request.
  disable: () => false,
  retry: ({ meta }) => meta.persistedQueryNotFound,
});

// The session is an httpOnly cookie set by the server: same-origin credentials, no token in JS.
const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      languageLink,
      authErrorLink,
      persistLink,
      trustedDocumentLink,
      sessionExpiryLink,
      httpLink,
    ]),
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

/**
 * After a language switch: what the server localised (carrier and service names, messages) is cached
 * in the previous language, and the cache does not know the language. Dropping every root field but
 * `me` (not localised) and collecting the entities only they reached (the Billing singleton with every
 * month read so far) means nothing of the old language can be read again; Apollo's refetchQueries
 * then refetches the screens on view, which keep showing their data until the new answer is here
 * (no loading state). Cheaper than keying the cache by language: a switch is rare, and going back
 * to the other language refetches anyway.
 */
export function refetchInLanguage(client: ApolloClient) {
  return client.refetchQueries({
    updateCache(cache) {
      cache.modify({
        id: 'ROOT_QUERY',
        fields: (value, { fieldName, DELETE }) =>
          fieldName === 'me' || fieldName === '__typename' ? value : DELETE,
      });
      cache.gc();
    },
  });
}
