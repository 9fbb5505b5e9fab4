import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { useOnline } from '../components/OfflineBanner';
import { useQuery } from './hooks';
import { savedAt, savedData } from './persist';

/**
 * A bill query that stays readable offline: online, the cached answer shows at once and the server
 * refreshes it; until the server has answered (or when it cannot be reached), the result saved on
 * the device shows. `savedAt` is set when what is shown may be stale (offline, or the refresh failed).
 */
export function useSavedQuery<TData, TVariables extends AnyVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  skip = false,
) {
  const online = useOnline();
  const result = useQuery(query, {
    variables,
    skip,
    requestPolicy: online ? 'cache-and-network' : 'cache-first',
  });
  const saved = skip || result.data !== undefined ? undefined : savedData(query, variables);
  const data = result.data ?? saved;
  const stale = data !== undefined && (!online || result.error !== undefined);
  return { ...result, data, stale, savedAt: stale ? savedAt(query, variables) : null };
}
