// The screens' two hooks over urql (@urql/preact), in the shape the screens use: a query's data,
// loading flag, error and a refetch that resolves when the new answer is in; a mutation that resolves
// to its data or throws (form.onSubmit turns a throw into the form's error message).
import {
  type AnyVariables,
  createRequest,
  type RequestPolicy,
  type TypedDocumentNode,
  useClient,
  useMutation as useUrqlMutation,
  useQuery as useUrqlQuery,
} from '@urql/preact';
import { useCallback, useRef } from 'preact/hooks';
import { trusted } from './trusted';

export { useClient };

export interface QueryOptions<V> {
  variables?: V;
  /** `cache-first` by default; `cache-and-network` shows the cached answer and refreshes it. */
  requestPolicy?: RequestPolicy;
  skip?: boolean;
}

export interface QueryState<D> {
  data: D | undefined;
  /** A request for this query is under way (with or without data on screen). */
  loading: boolean;
  error: Error | undefined;
  /** Asks the server again; the screen keeps its data until the answer is here. */
  refetch: () => Promise<void>;
}

export function useQuery<D, V extends AnyVariables>(
  document: TypedDocumentNode<D, V>,
  options: QueryOptions<V> = {},
): QueryState<D> {
  const client = useClient();
  const query = trusted(document);
  const variables = (options.variables ?? {}) as V;
  const [result] = useUrqlQuery<D, V>({
    query,
    variables,
    requestPolicy: options.requestPolicy ?? 'cache-first',
    pause: options.skip ?? false,
  } as Parameters<typeof useUrqlQuery<D, V>>[0]);
  // The last answer to this very request stays on screen while another client (a language switch)
  // asks again, or when a refresh fails; another month or account never shows it.
  const key = createRequest(query, variables).key;
  const last = useRef<{ key: number; data: D } | null>(null);
  if (result.data !== undefined && !options.skip) last.current = { key, data: result.data };
  const data = options.skip
    ? undefined
    : (result.data ?? (last.current?.key === key ? last.current.data : undefined));
  const refetch = useCallback(async () => {
    const r = await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) throw r.error;
  }, [client, key]);
  return { data, loading: result.fetching, error: result.error, refetch };
}

export type Mutate<D, V> = (variables: V) => Promise<D>;

export interface MutationState<D> {
  loading: boolean;
  /** The last answer's data and error, for screens that show them rather than await them. */
  data: D | undefined;
  error: Error | undefined;
}

/** `[mutate, state]`: mutate(variables) resolves to the data or throws the error. */
export function useMutation<D, V extends AnyVariables>(
  mutation: TypedDocumentNode<D, V>,
): [Mutate<D, V>, MutationState<D>] {
  const [state, execute] = useUrqlMutation<D, V>(trusted(mutation));
  const mutate = useCallback(
    async (variables: V) => {
      const r = await execute(variables);
      if (r.error) throw r.error;
      if (r.data == null) throw new Error('empty result');
      return r.data;
    },
    [execute],
  );
  return [mutate, { loading: state.fetching, data: state.data, error: state.error }];
}
