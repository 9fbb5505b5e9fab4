import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../data/errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { BusyButton } from '../BusyButton';
import { FormErrors } from '../FormErrors';
import { Layout } from '../Layout';
import { PropRows, type Row } from './PropRows';

/** The wording of a status page that differs between the addresses. */
export interface StatusWords {
  activeTitle: string;
  none: string;
  noneNote?: string;
  pendingTitle: string;
  pendingExpires: string;
  pendingBody: string;
  pendingActiveNote: string;
  registerButton: string;
  changeButton: string;
  deleteButton: string;
  deleteQuestion: string;
  deleteConfirm: string;
  deleted: string;
}

/** A link back above "back to top". */
export interface BackLink {
  href: string;
  label: string;
}

interface AddressStatusProps {
  /** Prefix of the element ids and test ids (`${id}-active`, `${id}-pending`, `${id}-delete`, …). */
  id: string;
  title: string;
  lead: string;
  words: StatusWords;
  /** Signed-in pages with the PC layout's side menu. */
  menu?: boolean;
  /** The status query (useQuery's result). */
  query: { data?: unknown; loading: boolean; error?: unknown; refetch: () => Promise<unknown> };
  /** The active address and one awaiting its mailed link. */
  active: string | null;
  pending: string | null;
  pendingExpiresAt: string | null | undefined;
  /** What the page lists of each, the address included, in the feature's order. */
  activeRows: readonly Row[];
  pendingRows: readonly Row[];
  registerHref: string;
  /** The register button's test id when an address is active (default: the same as without). */
  changeTestId?: string;
  remove: () => Promise<unknown>;
  deleting: boolean;
  /** Above the lead (e.g. undelivered mail). */
  banner?: ComponentChildren;
  /** Below the actions (e.g. notes). */
  notes?: ComponentChildren;
  back?: BackLink;
}

/**
 * The status page of an address confirmed by mail (reissue address, guide 5 (1)–(2); billing
 * notification address, guide 4 (2)–(3)): the active address, one awaiting its link, and register /
 * change / delete (with a confirmation).
 */
export function AddressStatus(props: AddressStatusProps) {
  const { id, words: w, query, active, pending, pendingExpiresAt } = props;
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const askRef = useRef<HTMLElement>(null);

  // The delete question takes the focus, so a screen reader reads it before the buttons.
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);

  const onDelete = async () => {
    setErrors([]);
    try {
      await props.remove();
      setAsking(false);
      setDeleted(true);
      await query.refetch();
    } catch (err) {
      setErrors([errorMessage(err, t)]);
    }
  };

  const expiresRow: Row[] = pendingExpiresAt
    ? [
        {
          label: w.pendingExpires,
          value: <time dateTime={pendingExpiresAt}>{formatDateTime(pendingExpiresAt, lang)}</time>,
          testId: `${id}-pending-expires`,
        },
      ]
    : [];

  let body = null;
  if (!query.data && query.loading) {
    body = (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  } else if (!query.data && query.error) {
    body = (
      <>
        <FormErrors messages={[errorMessage(query.error, t)]} />
        <button type="button" class="button button--primary" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </>
    );
  } else {
    body = (
      <>
        {active ? (
          <section class="card" aria-labelledby={`${id}-active-title`} data-testid={`${id}-active`}>
            <h2 id={`${id}-active-title`} class="card__title">
              {w.activeTitle}
            </h2>
            <dl class="props">
              <PropRows rows={props.activeRows} />
            </dl>
          </section>
        ) : (
          <section class="note" data-testid={`${id}-none`}>
            <p>{w.none}</p>
            {w.noneNote ? <p>{w.noneNote}</p> : null}
          </section>
        )}
        {pending ? (
          <section
            class="alert alert--info"
            aria-labelledby={`${id}-pending-title`}
            data-testid={`${id}-pending`}
          >
            <h2 id={`${id}-pending-title`} class="note__title">
              {w.pendingTitle}
            </h2>
            <dl class="props">
              <PropRows rows={[...props.pendingRows, ...expiresRow]} />
            </dl>
            <p>{w.pendingBody}</p>
            {active ? <p>{w.pendingActiveNote}</p> : null}
          </section>
        ) : null}
        <FormErrors messages={errors} id={`${id}-errors`} />
        <p
          role="status"
          class={deleted ? 'alert alert--success' : 'alert-empty'}
          data-testid={`${id}-deleted`}
        >
          {deleted ? w.deleted : ''}
        </p>
        {asking ? (
          <section
            class="note note--warning"
            aria-labelledby={`${id}-delete-title`}
            tabIndex={-1}
            ref={askRef}
            data-testid={`${id}-delete-ask`}
          >
            <h2 id={`${id}-delete-title`} class="note__title">
              {w.deleteButton}
            </h2>
            <p>{w.deleteQuestion}</p>
            <div class="actions">
              <BusyButton
                type="button"
                class="button button--danger"
                onClick={onDelete}
                busy={props.deleting}
                data-testid={`${id}-delete-confirm`}
              >
                {w.deleteConfirm}
              </BusyButton>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setAsking(false)}
                data-testid={`${id}-delete-cancel`}
              >
                {t('cancel')}
              </button>
            </div>
          </section>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => navigate(props.registerHref)}
              data-testid={active && props.changeTestId ? props.changeTestId : `${id}-register`}
            >
              {active ? w.changeButton : w.registerButton}
            </button>
            {active || pending ? (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setDeleted(false);
                  setAsking(true);
                }}
                data-testid={`${id}-delete`}
              >
                {w.deleteButton}
              </button>
            ) : null}
          </div>
        )}
      </>
    );
  }

  return (
    <Layout title={props.title} menu={props.menu}>
      {props.banner}
      <p class="lead">{props.lead}</p>
      {body}
      {props.notes}
      <Links back={props.back} />
    </Layout>
  );
}

/** The links at the foot of an address page: an optional way back, then the top page. */
export function Links({ back }: { back?: BackLink }) {
  const { t } = useI18n();
  return (
    <p class="links">
      {back ? <Link href={back.href}>{back.label}</Link> : null}
      <Link href="/top">{t('backToTop')}</Link>
    </p>
  );
}
