import { useEffect, useState } from 'preact/hooks';
import { FormErrors } from '../../components/FormErrors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorMessage } from '../../data/errors';
import { fill } from '../../format';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import { OpsAccountStatusFragmentDoc, SearchAccountsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { opsText } from './strings';

const queryFromUrl = () => new URLSearchParams(window.location.search).get('q') ?? '';

// The last search of this page load (in memory only: it may be a phone number), for "back".
let last = '';
export const lastSearch = () => last;
/** Sign-out or expiry: the next operator's "back" does not carry this one's search. */
export const forgetLastSearch = () => {
  last = '';
};

/** The account's state as badges (postcard, activation, lock, reissue block). */
export function StatusBadges({ status: ref }: { status: FragmentType<typeof OpsAccountStatusFragmentDoc> }) {
  const { s } = useI18n(opsText);
  const status = getFragmentData(OpsAccountStatusFragmentDoc, ref);
  return (
    <span class="ops-badges">
      {status.postcardPending ? (
        <span class="badge badge--provisional" data-testid="badge-postcard-pending">
          {s.badgePostcardPending}
        </span>
      ) : (
        <span class="badge badge--confirmed">{s.badgePostcardIssued}</span>
      )}
      {status.activated ? (
        <span class="badge badge--paid" data-testid="badge-activated">
          {s.badgeActivated}
        </span>
      ) : (
        <span class="badge badge--neutral">{s.badgeNotActivated}</span>
      )}
      {status.locked ? (
        <span class="badge badge--unpaid" data-testid="badge-locked">
          {s.badgeLocked}
        </span>
      ) : null}
      {status.reissueBlocked ? (
        <span class="badge badge--unpaid" data-testid="badge-reissue-blocked">
          {s.badgeReissueBlocked}
        </span>
      ) : null}
    </span>
  );
}

/** One box for a customer number, a phone/line number or a login ID; results in a table. */
export function SearchPage(props: OpsPageProps) {
  const { t, s } = useI18n(opsText);
  const [input, setInput] = useState(queryFromUrl);
  const [query, setQuery] = useState(() => queryFromUrl().trim());
  const { data, loading, error, refetch } = useOpsQuery(SearchAccountsDocument, {
    variables: { query },
    skip: !query,
  });

  // Back/forward between searches: the query follows the address bar.
  useEffect(() => {
    const onPop = () => {
      const q = queryFromUrl();
      setInput(q);
      setQuery(q.trim());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    const q = input.trim();
    if (!q) return;
    navigate(`/ops/search?q=${encodeURIComponent(q)}`);
    if (q === query) void refetch();
    setQuery(q);
  };

  const results = data?.searchAccounts;
  useEffect(() => {
    last = query;
  }, [query]);

  return (
    <OpsLayout title={s.searchTitle} {...props}>
      <search>
        <form class="ops-search" onSubmit={submit} data-testid="ops-search-form">
          <div class="field ops-search__field">
            <label class="field__label" for="ops-search-q">
              {s.searchLabel}
            </label>
            <p class="field__hint" id="ops-search-hint">
              {s.searchHint}
            </p>
            <div class="ops-search__row">
              <input
                id="ops-search-q"
                class="input"
                type="search"
                name="q"
                autocomplete="off"
                spellcheck={false}
                aria-describedby="ops-search-hint"
                value={input}
                data-testid="ops-search-input"
                onInput={(e) => setInput(e.currentTarget.value)}
              />
              <button type="submit" class="button button--primary" data-testid="ops-search-submit">
                {s.searchButton}
              </button>
            </div>
          </div>
        </form>
      </search>

      {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}
      <div role="status" aria-live="polite" class="ops-status-line" data-testid="ops-search-status">
        {loading && !results ? s.loading : null}
        {results && query
          ? results.length === 0
            ? s.searchEmpty
            : fill(s.searchCount, { n: results.length })
          : null}
      </div>

      {results && results.length > 0 ? (
        <ScrollRegion label={s.searchTitle}>
          <table class="table ops-table" data-testid="ops-search-results">
            <thead>
              <tr>
                <th scope="col">{s.customerNumber}</th>
                <th scope="col">{s.holderName}</th>
                <th scope="col">{s.registeredPhoneNumber}</th>
                <th scope="col">{s.currentLoginId}</th>
                <th scope="col">{s.status}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/ops/accounts/${encodeURIComponent(a.id)}`} data-testid="ops-account-link">
                      {a.customerNumber}
                    </Link>
                  </th>
                  <td>{a.holderName}</td>
                  <td class="ops-mono">{a.registeredPhoneNumber}</td>
                  <td class="ops-mono">{a.loginId ?? '—'}</td>
                  <td>
                    <StatusBadges status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </OpsLayout>
  );
}
