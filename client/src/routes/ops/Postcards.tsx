import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorMessage } from '../../data/errors';
import { useMutation } from '../../data/hooks';
import { useNextPages } from '../../data/next-page';
import { fill } from '../../format';
import { getFragmentData } from '../../gql/fragment-masking';
import {
  MarkPostcardsMailedDocument,
  OpsPostcardFieldsFragmentDoc,
  PostcardQueueDocument,
  type PostcardQueueQuery,
  type PostcardQueueQueryVariables,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { formatStamp } from './Account';
import { ConfirmDialog, resultErrors } from './ConfirmDialog';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { named, opsText } from './strings';

const PAGE = 50;
const FIRST_PAGE: PostcardQueueQueryVariables = { status: 'PENDING', first: PAGE };
const pageOf = (data: PostcardQueueQuery) =>
  data.postcards && { items: data.postcards.postcards, nextCursor: data.postcards.nextCursor };

/** The print queue (SPEC 2.2 step 1): select, print the sheet, export for a mail house, mark mailed. */
export function PostcardsPage(props: OpsPageProps) {
  const { t, s } = useI18n(opsText);
  const { data, loading, error, refetch } = useOpsQuery(PostcardQueueDocument, { variables: FIRST_PAGE });
  // The pages after the first, dropped when the first page is fetched again (after marking mailed).
  const paged = useNextPages(PostcardQueueDocument, FIRST_PAGE, data, pageOf);
  const [markMailed] = useMutation(MarkPostcardsMailedDocument);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const page = data?.postcards;
  // Each row: the queue's own fields (`row`) and the postcard's (OpsPostcardFields, unmasked here).
  const postcards = paged.items.map((row) => ({
    row,
    card: getFragmentData(OpsPostcardFieldsFragmentDoc, row),
  }));
  const ids = postcards.map(({ card }) => card.id);
  const chosen = ids.filter((id) => selected.has(id));
  const allChosen = ids.length > 0 && chosen.length === ids.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const needSelection = () => {
    setHint(s.selectFirst);
  };

  const send = async (reason: string): Promise<string[] | null> => {
    const result = (await markMailed({ input: { postcardIds: chosen, reason } })).markPostcardsMailed;
    if (result.__typename !== 'PostcardsMarkedMailed') return resultErrors(result);
    setConfirming(false);
    setSelected(new Set());
    setDone(fill(s.markMailedDone, { n: result.count }));
    await refetch().catch(() => {});
    return null;
  };

  const idsParam = chosen.map(encodeURIComponent).join(',');
  const sheetHref = `/ops/postcards/sheet?ids=${idsParam}`;
  // The selected postcards, or (none selected) the whole pending queue.
  const csvHref =
    chosen.length > 0 ? `/ops/postcards/export.csv?ids=${idsParam}` : '/ops/postcards/export.csv';

  return (
    <OpsLayout title={s.navPostcards} {...props}>
      <p class="lead">{s.postcardsLead}</p>
      {done ? (
        <p
          class="alert alert--success"
          role="status"
          tabIndex={-1}
          ref={doneRef}
          data-testid="ops-mailed-done"
        >
          {done}
        </p>
      ) : null}
      {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}

      <div class="ops-toolbar" role="toolbar" aria-label={s.navPostcards}>
        <span class="ops-toolbar__count" aria-live="polite" data-testid="ops-selected-count">
          {fill(s.selectedCount, { n: chosen.length })}
          {page ? ` / ${fill(s.totalCount, { n: page.totalCount })}` : ''}
        </span>
        {chosen.length > 0 ? (
          <a
            class="button button--primary"
            href={sheetHref}
            target="_blank"
            rel="noopener"
            data-testid="ops-print-sheet"
            onClick={() => setHint(null)}
          >
            {s.printSheet}
            <span class="visually-hidden">{s.newTabNote}</span>
          </a>
        ) : (
          <button
            type="button"
            class="button button--primary"
            data-testid="ops-print-sheet"
            onClick={needSelection}
          >
            {s.printSheet}
          </button>
        )}
        <a class="button button--secondary" href={csvHref} download data-testid="ops-export-csv">
          {s.exportCsv}
        </a>
        <button
          type="button"
          class="button button--secondary"
          data-testid="ops-mark-mailed"
          onClick={() => {
            setDone(null);
            if (chosen.length === 0) needSelection();
            else {
              setHint(null);
              setConfirming(true);
            }
          }}
        >
          {s.markMailed}
        </button>
      </div>
      <div role="status" aria-live="polite" class="ops-status-line" data-testid="ops-postcards-hint">
        {hint}
      </div>

      {loading && !page ? (
        <p class="loading" role="status">
          {s.loading}
        </p>
      ) : null}
      {page && postcards.length === 0 ? <p data-testid="ops-no-postcards">{s.noPending}</p> : null}
      {postcards.length > 0 ? (
        <ScrollRegion label={s.navPostcards}>
          <table class="table ops-table" data-testid="ops-postcard-queue">
            <thead>
              <tr>
                <th scope="col" class="ops-check">
                  <input
                    type="checkbox"
                    id="ops-select-all"
                    aria-label={s.selectAll}
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    data-testid="ops-select-all"
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(ids) : new Set())}
                  />
                </th>
                <th scope="col">{s.customerNumber}</th>
                <th scope="col">{s.holderName}</th>
                <th scope="col">{s.postalAddress}</th>
                <th scope="col">{s.postcardKind}</th>
                <th scope="col">{s.createdAt}</th>
              </tr>
            </thead>
            <tbody>
              {postcards.map(({ row, card }) => (
                <tr key={card.id} data-testid="ops-postcard-row" data-customer={row.customerNumber}>
                  <td class="ops-check">
                    <input
                      type="checkbox"
                      aria-label={fill(s.selectPostcard, { name: row.holderName })}
                      checked={selected.has(card.id)}
                      data-testid="ops-postcard-check"
                      onChange={(e) => toggle(card.id, e.currentTarget.checked)}
                    />
                  </td>
                  <td class="ops-mono">{row.customerNumber}</td>
                  <td>{row.holderName}</td>
                  <td>{row.postalAddress}</td>
                  <td>{named(s, 'kind', card.kind)}</td>
                  <td class="ops-mono ops-nowrap">{formatStamp(card.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {paged.error ? <FormErrors messages={[errorMessage(paged.error, t)]} /> : null}
      {paged.cursor ? (
        <p class="ops-more">
          <BusyButton
            type="button"
            class="button button--secondary"
            busy={loading || paged.loading}
            data-testid="ops-postcards-more"
            onClick={() => void paged.loadMore()}
          >
            {s.loadMore}
          </BusyButton>
        </p>
      ) : null}
      <p class="ops-back">
        <Link href="/ops/search">{s.navSearch}</Link>
      </p>

      {confirming ? (
        <ConfirmDialog
          title={s.markMailed}
          testId="dialog-mark-mailed"
          onClose={() => setConfirming(false)}
          onConfirm={send}
        >
          <p>{fill(s.markMailedQuestion, { n: chosen.length })}</p>
        </ConfirmDialog>
      ) : null}
    </OpsLayout>
  );
}
