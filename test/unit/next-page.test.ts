import { loadNextPage } from '../../client/src/routes/ops/next-page';

type Events = { auditEvents: { nextCursor: string | null; events: { id: string }[] } | null };

/** fetchMore as Apollo calls it: the next page arrives and updateQuery decides what the cache keeps. */
function fetchMoreReturning(previous: Events, next: Events, kept: Events[]) {
  return async (options: {
    variables: { after: string };
    updateQuery: (previous: Events, options: { fetchMoreResult: Events }) => Events;
  }) => {
    expect(options.variables).toEqual({ after: 'c1' });
    kept.push(options.updateQuery(previous, { fetchMoreResult: next }));
  };
}

it('appends the next page after the items on screen, with the next cursor', async () => {
  const kept: Events[] = [];
  const errors: unknown[] = [];
  await loadNextPage<Events, 'auditEvents'>(
    fetchMoreReturning(
      { auditEvents: { nextCursor: 'c1', events: [{ id: 'a' }, { id: 'b' }] } },
      { auditEvents: { nextCursor: 'c2', events: [{ id: 'c' }] } },
      kept,
    ),
    'c1',
    'auditEvents',
    'events',
    (e) => errors.push(e),
  );
  expect(kept).toEqual([
    { auditEvents: { nextCursor: 'c2', events: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } },
  ]);
  expect(errors).toEqual([null]);
});

it('keeps the list as it is when there is nothing on screen to append to, and reports a failure', async () => {
  const kept: Events[] = [];
  const previous: Events = { auditEvents: null };
  await loadNextPage<Events, 'auditEvents'>(
    fetchMoreReturning(previous, { auditEvents: { nextCursor: null, events: [{ id: 'x' }] } }, kept),
    'c1',
    'auditEvents',
    'events',
    () => {},
  );
  expect(kept).toEqual([previous]);

  const errors: unknown[] = [];
  const failure = new Error('network');
  await loadNextPage<Events, 'auditEvents'>(
    async () => {
      throw failure;
    },
    'c1',
    'auditEvents',
    'events',
    (e) => errors.push(e),
  );
  expect(errors).toEqual([null, failure]);
});
