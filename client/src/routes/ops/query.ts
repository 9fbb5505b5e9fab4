import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { type QueryOptions, type QueryState, useQuery } from '../../data/hooks';

/**
 * The console's queries always ask the server ('network-only'): the GraphQL client, and its cache,
 * outlives an operator's session (sign-out, expiry, the next operator), so no cached answer of a
 * session may show again. The screens keep what they show while a refetch is under way.
 */
export function useOpsQuery<D, V extends AnyVariables>(
  query: TypedDocumentNode<D, V>,
  options: Omit<QueryOptions<V>, 'requestPolicy'> = {},
): QueryState<D> {
  return useQuery(query, { ...options, requestPolicy: 'network-only' });
}
