import {
  type Client,
  cacheExchange,
  createClient,
  fetchExchange,
  makeOperation,
  mapExchange,
} from '@urql/core';
import { getLang } from '../i18n';
import { emitAuthEvent } from './events';
import { persistExchange } from './persist';
import { viewerExchange } from './session';
import { noteSessionExpiresIn } from './sessionExpiry';
import { hashOf } from './trusted';

/**
 * Trusted documents: every request carries only the id of its document (the persisted-query format,
 * `extensions.persistedQuery.sha256Hash`, no `query`; urql's fetchExchange leaves the text out). The
 * ids are the sha256 of the texts codegen writes to gql/persisted-documents.json, which the server
 * runs; each typed document of gql/graphql.ts carries its own as `__meta__.hash` (codegen.yml; the
 * copy cacheExchange makes to add `__typename`s keeps it, so a query it runs again still has its id).
 * There is no retry with the text: the server refuses text from browsers in production.
 */
const trustedDocumentExchange = mapExchange({
  onOperation(operation) {
    if (operation.kind === 'teardown') return operation;
    const hash = hashOf(operation.query);
    // A document that is not one of ours (or lost its id) fails here rather than going out as text.
    if (!hash) throw new Error('GraphQL document without a persisted-document id');
    const persisted = makeOperation(operation.kind, operation);
    persisted.extensions = {
      ...operation.extensions,
      persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') },
    };
    return persisted;
  },
});

/** Cross-cutting thrown errors: an expired session or a pending forced change is handled app-wide. */
const authErrorExchange = mapExchange({
  onError(error) {
    for (const e of error.graphQLErrors) {
      const code = e.extensions?.code;
      if (code === 'UNAUTHENTICATED' || code === 'CREDENTIAL_CHANGE_REQUIRED') {
        emitAuthEvent(code);
        return;
      }
    }
  },
});

/** Every signed-in answer says when the server will end the session (the idle warning). */
const fetchNotingExpiry: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const value = response.headers.get('session-expires-in');
  if (value != null && value !== '') noteSessionExpiresIn(Number(value));
  return response;
};

/**
 * One client per session and language. The document cache keys results by document and variables
 * only, and the server localises carrier and service names and every message by `Accept-Language`:
 * a language switch therefore starts a new client (the screens keep what they show until the new
 * answer is here, see useQuery), as does the end of a session (nothing of it can be read again).
 */
export function createGraphQLClient(): Client {
  const lang = getLang();
  return createClient({
    url: '/graphql',
    // POST for queries too: the session is an httpOnly cookie, so no answer may sit in a shared cache.
    preferGetMethod: false,
    // The session is an httpOnly cookie set by the server: same-origin credentials, no token in JS.
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'Accept-Language': lang } }),
    fetch: fetchNotingExpiry,
    exchanges: [
      trustedDocumentExchange,
      cacheExchange,
      authErrorExchange,
      viewerExchange,
      persistExchange(lang),
      fetchExchange,
    ],
  });
}
