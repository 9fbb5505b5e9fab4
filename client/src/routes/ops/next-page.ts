/**
 * The console's paged lists (audit events, postcards) load their next keyset page the same way: the
 * page after `cursor` is fetched and its items appended to the ones on screen. `connection` names the
 * query's paged field and `items` its list; a failure goes to `onError` and the list stays as it was.
 */
export async function loadNextPage<Q, K extends keyof Q & string>(
  fetchMore: (options: {
    variables: { after: string };
    updateQuery: (previous: Q, options: { fetchMoreResult: Q }) => Q;
  }) => Promise<unknown>,
  cursor: string,
  connection: K,
  items: string,
  onError: (error: unknown) => void,
): Promise<void> {
  onError(null);
  try {
    await fetchMore({
      variables: { after: cursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous[connection] as Record<string, unknown[]> | null | undefined;
        const next = fetchMoreResult?.[connection] as Record<string, unknown[]> | null | undefined;
        if (!fetchMoreResult || !before || !next) return previous;
        return { ...fetchMoreResult, [connection]: { ...next, [items]: [...before[items], ...next[items]] } };
      },
    });
  } catch (error) {
    onError(error);
  }
}
