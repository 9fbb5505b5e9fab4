import { useEffect, useRef, useState } from 'preact/hooks';
import { FormErrors } from '../../components/FormErrors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorMessage } from '../../data/errors';
import { useMutation } from '../../data/hooks';
import { fill } from '../../format';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import {
  LiftReissueBlockDocument,
  OperatorAccountDocument,
  OpsAccountStatusFragmentDoc,
  OpsAuditEntryFieldsFragmentDoc,
  OpsPostcardFieldsFragmentDoc,
  ReissueCredentialsByPostcardDocument,
  UnlockAccountDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ConfirmDialog, type MutationResult, resultErrors } from './ConfirmDialog';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { lastSearch, StatusBadges } from './Search';
import { carrierName, eventName, named, opsText } from './strings';

type Action = 'reissue' | 'unlock' | 'lift';

/** A timestamp in Japan time, compact for tables: 2026/11/22 15:04:05. */
export function formatStamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'Asia/Tokyo',
  }).format(d);
}

export function PostcardTable({
  postcards: refs,
}: {
  postcards: readonly FragmentType<typeof OpsPostcardFieldsFragmentDoc>[];
}) {
  const { s } = useI18n(opsText);
  const postcards = getFragmentData(OpsPostcardFieldsFragmentDoc, refs);
  if (postcards.length === 0) return <p>{s.none}</p>;
  return (
    <ScrollRegion label={s.postcardsTitle}>
      <table class="table ops-table" data-testid="ops-account-postcards">
        <thead>
          <tr>
            <th scope="col">{s.createdAt}</th>
            <th scope="col">{s.postcardKind}</th>
            <th scope="col">{s.postcardStatus}</th>
            <th scope="col">{s.mailedAt}</th>
          </tr>
        </thead>
        <tbody>
          {postcards.map((p) => (
            <tr key={p.id}>
              <td class="ops-mono">{formatStamp(p.createdAt)}</td>
              <td>{named(s, 'kind', p.kind)}</td>
              <td>{named(s, 'postcard', p.status)}</td>
              <td class="ops-mono">{formatStamp(p.mailedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function AuditTable({
  events: refs,
  showCustomer,
  testId,
  label,
}: {
  events: readonly FragmentType<typeof OpsAuditEntryFieldsFragmentDoc>[];
  showCustomer?: boolean;
  testId?: string;
  label: string;
}) {
  const { lang, s } = useI18n(opsText);
  const events = getFragmentData(OpsAuditEntryFieldsFragmentDoc, refs);
  return (
    <ScrollRegion label={label}>
      <table class="table ops-table ops-audit" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{s.occurredAt}</th>
            <th scope="col">{s.event}</th>
            <th scope="col">{s.outcome}</th>
            {showCustomer ? <th scope="col">{s.customerNumber}</th> : null}
            <th scope="col">{s.operator}</th>
            <th scope="col">{s.clientAddress}</th>
            <th scope="col">{s.detail}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td class="ops-mono ops-nowrap">{formatStamp(e.occurredAt)}</td>
              <td>
                {eventName(e.event, lang)}
                {eventName(e.event, lang) !== e.event ? <span class="ops-code">{e.event}</span> : null}
              </td>
              <td>
                <span class={`ops-outcome ops-outcome--${String(e.outcome).toLowerCase()}`}>{e.outcome}</span>
              </td>
              {showCustomer ? <td class="ops-mono">{e.customerNumber ?? '—'}</td> : null}
              <td class="ops-mono">{e.operatorLoginId ?? '—'}</td>
              <td class="ops-mono">{e.clientAddress ?? '—'}</td>
              <td class="ops-detail">{detailText(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function detailText(detail: unknown): string {
  if (detail == null || detail === '' || detail === '{}') return '';
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

/** One account: status, masked addresses, lines, postcards, recent events and the actions. */
export function AccountPage({ id, ...props }: OpsPageProps & { id: string }) {
  const { t, lang, s } = useI18n(opsText);
  const { data, loading, error, refetch } = useOpsQuery(OperatorAccountDocument, { variables: { id } });
  const [reissue] = useMutation(ReissueCredentialsByPostcardDocument);
  const [unlock] = useMutation(UnlockAccountDocument);
  const [lift] = useMutation(LiftReissueBlockDocument);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const account = data?.operatorAccount;
  const title = account ? `${s.accountTitle}：${account.holderName}` : s.accountTitle;

  if (!account) {
    return (
      <OpsLayout title={s.accountTitle} {...props}>
        {loading ? (
          <p class="loading" role="status">
            {s.loading}
          </p>
        ) : null}
        {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}
        {!loading && !error ? <p>{s.searchEmpty}</p> : null}
        <p>
          <BackToSearch />
        </p>
      </OpsLayout>
    );
  }

  // The actions' buttons follow the state (StatusBadges shows it).
  const status = getFragmentData(OpsAccountStatusFragmentDoc, account.status);

  const run = async (which: Action, reason: string): Promise<string[] | null> => {
    const input = { accountId: account.id, reason };
    let result: MutationResult | undefined | null;
    if (which === 'reissue') result = (await reissue({ input })).reissueCredentialsByPostcard;
    else if (which === 'unlock') result = (await unlock({ input })).unlockAccount;
    else result = (await lift({ input })).liftReissueBlock;
    if (!result) throw new Error('empty result');
    const ok = ['PostcardQueued', 'AccountUnlocked', 'ReissueBlockLifted'].includes(result.__typename);
    if (!ok) return resultErrors(result);
    setAction(null);
    setDone(
      which === 'reissue' ? s.actionReissueDone : which === 'unlock' ? s.actionUnlockDone : s.actionLiftDone,
    );
    await refetch().catch(() => {});
    return null;
  };

  const dialogs: Record<Action, { title: string; question: string }> = {
    reissue: { title: s.actionReissue, question: s.actionReissueQuestion },
    unlock: { title: s.actionUnlock, question: s.actionUnlockQuestion },
    lift: { title: s.actionLift, question: s.actionLiftQuestion },
  };

  return (
    <OpsLayout title={title} {...props}>
      <p class="ops-back">
        <BackToSearch />
      </p>
      {done ? (
        <p
          class="alert alert--success"
          role="status"
          tabIndex={-1}
          ref={doneRef}
          data-testid="ops-action-done"
        >
          {done}
        </p>
      ) : null}
      {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}

      <div class="ops-grid">
        <section class="ops-panel" aria-labelledby="ops-summary-title">
          <h2 id="ops-summary-title" class="section-title">
            {s.accountTitle}
          </h2>
          <dl class="ops-props" data-testid="ops-account-summary">
            <div>
              <dt>{s.customerNumber}</dt>
              <dd class="ops-mono" data-testid="ops-customer-number">
                {account.customerNumber}
              </dd>
            </div>
            <div>
              <dt>{s.holderName}</dt>
              <dd>{account.holderName}</dd>
            </div>
            <div>
              <dt>{s.status}</dt>
              <dd>
                <StatusBadges status={account.status} />
              </dd>
            </div>
            <div>
              <dt>{s.currentLoginId}</dt>
              <dd class="ops-mono">{account.loginId ?? '—'}</dd>
            </div>
            <div>
              <dt>{s.registeredPhoneNumber}</dt>
              <dd class="ops-mono">{account.registeredPhoneNumber}</dd>
            </div>
            <div>
              <dt>{s.postalAddress}</dt>
              <dd>{account.postalAddress}</dd>
            </div>
            <div>
              <dt>{s.reissueEmail}</dt>
              <dd>{account.reissueEmail ? <span class="ops-mono">{account.reissueEmail}</span> : s.none}</dd>
            </div>
            <div>
              <dt>{s.notificationEmails}</dt>
              <dd>
                {account.billingNotificationEmails.length === 0
                  ? s.none
                  : account.billingNotificationEmails.map((m) => (
                      <span class="ops-email" key={`${m.status}-${m.email}`}>
                        <span class="ops-mono">{m.email}</span> ({named(s, 'email', m.status)})
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{s.contactEmail}</dt>
              <dd class="ops-mono">{account.contactEmail ?? s.none}</dd>
            </div>
            <div>
              <dt>{s.accountCreatedAt}</dt>
              <dd class="ops-mono">{formatStamp(account.createdAt)}</dd>
            </div>
          </dl>
          <p class="hint">{s.maskedNote}</p>
        </section>

        <section class="ops-panel ops-actions" aria-labelledby="ops-actions-title">
          <h2 id="ops-actions-title" class="section-title">
            {s.actionsTitle}
          </h2>
          <p class="hint">{s.actionsLead}</p>
          <button
            type="button"
            class="button button--primary"
            data-testid="action-reissue"
            onClick={() => {
              setDone(null);
              setAction('reissue');
            }}
          >
            {s.actionReissue}
          </button>
          <button
            type="button"
            class="button button--secondary"
            data-testid="action-unlock"
            disabled={!status.locked}
            aria-describedby={status.locked ? undefined : 'ops-unlock-why'}
            onClick={() => {
              setDone(null);
              setAction('unlock');
            }}
          >
            {s.actionUnlock}
          </button>
          {status.locked ? null : (
            <span class="hint" id="ops-unlock-why">
              {s.notLocked}
            </span>
          )}
          <button
            type="button"
            class="button button--secondary"
            data-testid="action-lift"
            disabled={!status.reissueBlocked}
            aria-describedby={status.reissueBlocked ? undefined : 'ops-lift-why'}
            onClick={() => {
              setDone(null);
              setAction('lift');
            }}
          >
            {s.actionLift}
          </button>
          {status.reissueBlocked ? null : (
            <span class="hint" id="ops-lift-why">
              {s.notBlocked}
            </span>
          )}
        </section>
      </div>

      <section class="ops-section" aria-labelledby="ops-lines-title">
        <h2 id="ops-lines-title" class="section-title">
          {s.linesTitle}
        </h2>
        {account.lines.length === 0 ? (
          <p>{s.none}</p>
        ) : (
          <ScrollRegion label={s.linesTitle}>
            <table class="table ops-table" data-testid="ops-account-lines">
              <thead>
                <tr>
                  <th scope="col">{s.lineNumber}</th>
                  <th scope="col">{s.carrier}</th>
                  <th scope="col">{s.serviceName}</th>
                </tr>
              </thead>
              <tbody>
                {account.lines.map((l) => (
                  <tr key={`${l.carrierCode}-${l.lineNumber}`}>
                    <td class="ops-mono">{l.lineNumber}</td>
                    <td>{l.carrierName || carrierName(l.carrierCode, lang)}</td>
                    <td>{l.serviceName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {account.lineTotalCount > account.lines.length ? (
          <p class="hint">{fill(s.linesMore, { n: account.lineTotalCount - account.lines.length })}</p>
        ) : null}
      </section>

      <section class="ops-section" aria-labelledby="ops-postcards-title">
        <h2 id="ops-postcards-title" class="section-title">
          {s.postcardsTitle}
        </h2>
        <PostcardTable postcards={account.postcards} />
      </section>

      <section class="ops-section" aria-labelledby="ops-events-title">
        <h2 id="ops-events-title" class="section-title">
          {s.eventsTitle}
        </h2>
        {account.recentEvents.length === 0 ? (
          <p>{s.noEvents}</p>
        ) : (
          <AuditTable events={account.recentEvents} testId="ops-account-events" label={s.eventsTitle} />
        )}
        <p>
          <Link href={`/ops/audit?customer=${encodeURIComponent(account.customerNumber)}`}>
            {s.allEventsOfAccount}
          </Link>
        </p>
      </section>

      {action ? (
        <ConfirmDialog
          title={dialogs[action].title}
          danger={action === 'reissue'}
          testId={`dialog-${action}`}
          onClose={() => setAction(null)}
          onConfirm={(reason) => run(action, reason)}
        >
          <p>{dialogs[action].question}</p>
          <p class="ops-dialog__subject">
            {account.customerNumber} {account.holderName}
          </p>
        </ConfirmDialog>
      ) : null}
    </OpsLayout>
  );
}

function BackToSearch() {
  const { s } = useI18n(opsText);
  const last = lastSearch();
  return (
    <Link href={last ? `/ops/search?q=${encodeURIComponent(last)}` : '/ops/search'}>{s.backToSearch}</Link>
  );
}
