import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { useRef, useState } from 'preact/hooks';
import { useClient } from './hooks';
import { trusted } from './trusted';

/** A keyset page of a paged field: its items and the cursor of the page after it (none at the end). */
export interface Page<T> {
  items: readonly T[];
  nextCursor?: string | null;
}

interface Appended<D, T> {
  /** The first page these follow: another answer for it (refetch, new filter) drops them. */
  first: D | undefined;
  pages: Page<T>[];
  error: unknown;
}

/**
 * Paged lists (the console's audit events and postcards, the lines view) load their next keyset page
 * alike: the first page is the screen's useQuery answer (`first`), and `loadMore()` asks the server for
 * the page after the last cursor and appends its items here (the document cache cannot merge pages).
 * `pageOf` picks the paged field of an answer. A failure shows as `error`; the list stays as it was.
 */
export function useNextPages<D, V extends AnyVariables & { after?: string | null }, T>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  first: D | undefined,
  pageOf: (data: D) => Page<T> | null | undefined,
) {
  const client = useClient();
  const [appended, setAppended] = useState<Appended<D, T>>({ first: undefined, pages: [], error: null });
  // The first page a "more" request is under way for: another first page (a new filter, a refetch) is
  // not busy because of it, and its late answer is dropped.
  const [loadingFor, setLoadingFor] = useState<D | undefined>(undefined);
  const busyFor = useRef<D | undefined>(undefined);
  const loading = first !== undefined && loadingFor === first;

  const current: Appended<D, T> = appended.first === first ? appended : { first, pages: [], error: null };
  const head = first === undefined ? null : pageOf(first);
  const pages = head ? [head, ...current.pages] : [];
  const items = pages.flatMap((p) => p.items);
  const nextCursor = pages[pages.length - 1]?.nextCursor ?? null;

  const loadMore = async (): Promise<void> => {
    if (!nextCursor || (first !== undefined && busyFor.current === first)) return;
    busyFor.current = first;
    setLoadingFor(first);
    setAppended({ ...current, error: null });
    // Only for the first page it was asked after: a newer first page has its own cursors.
    const update = (next: (cur: Appended<D, T>) => Appended<D, T>) =>
      setAppended((cur) => (cur.first === first ? next(cur) : cur));
    try {
      const result = await client
        .query(trusted(query), { ...variables, after: nextCursor }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.error) throw result.error;
      const page = result.data ? pageOf(result.data) : null;
      if (!page) throw new Error('empty result');
      update((cur) => ({ ...cur, pages: [...cur.pages, page] }));
    } catch (error) {
      update((cur) => ({ ...cur, error }));
    } finally {
      if (busyFor.current === first) busyFor.current = undefined;
      setLoadingFor((cur) => (cur === first ? undefined : cur));
    }
  };

  return { items, cursor: nextCursor, loadMore, loading, error: current.error };
}
