import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useOnline } from '../components/OfflineBanner';
import { restoreSaved, savedAt } from './persist';

/**
 * A bill query that stays readable offline: the saved result (if any) is put into the cache
 * first; online, the cache answers at once and the network refreshes it; offline, the cache
 * alone answers. `savedAt` is set when what is shown may be stale (offline, or the refresh failed).
 */
export function useSavedQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  skip = false,
) {
  const client = useApolloClient();
  const online = useOnline();
  if (!skip) restoreSaved(client, query, variables);
  const result = useQuery(query as TypedDocumentNode<TData, OperationVariables>, {
    variables,
    skip,
    fetchPolicy: online ? 'cache-and-network' : 'cache-first',
    nextFetchPolicy: 'cache-first',
  });
  const stale = result.data !== undefined && (!online || result.error !== undefined);
  return { ...result, stale, savedAt: stale ? savedAt(query, variables) : null };
}
