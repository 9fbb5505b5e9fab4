import { useEffect, useRef, useState } from 'preact/hooks';
import { FormErrors } from '../../components/FormErrors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorCode, errorMessage } from '../../data/errors';
import { useMutation } from '../../data/hooks';
import { fill } from '../../format';
import { type FragmentType, getFragmentData } from '../../gql/fragment-masking';
import {
  AdminListsDocument,
  OperatorFieldsFragmentDoc,
  type OpsAdminApiKeyFieldsFragment,
  OpsAdminApiKeyFieldsFragmentDoc,
  type OpsAdminOperatorFieldsFragment,
  OpsAdminOperatorFieldsFragmentDoc,
  RevokeApiKeyDocument,
  UnlockOperatorDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { formatStamp } from './Account';
import { ConfirmDialog, type MutationResult, resultErrors } from './ConfirmDialog';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { named, opsText } from './strings';

type OperatorRow = FragmentType<typeof OpsAdminOperatorFieldsFragmentDoc>;
type ApiKeyRow = FragmentType<typeof OpsAdminApiKeyFieldsFragmentDoc>;

/** The row an action was opened on (its dialog names it, the mutation takes its id). */
type Pending =
  | { kind: 'unlock'; operator: OpsAdminOperatorFieldsFragment }
  | { kind: 'revoke'; apiKey: OpsAdminApiKeyFieldsFragment };

/**
 * Administration (role ADMIN): the operators, with an unlock for the locked ones, and the
 * integrators' API keys, with a revoke for the active ones. Anyone else gets a plain refusal (the
 * server refuses the operations with FORBIDDEN regardless).
 */
export function AdminPage(props: OpsPageProps) {
  const { role } = getFragmentData(OperatorFieldsFragmentDoc, props.operator);
  return role === 'ADMIN' ? <AdminConsole {...props} /> : <AdminOnly {...props} />;
}

function AdminOnly(props: OpsPageProps) {
  const { s } = useI18n(opsText);
  return (
    <OpsLayout title={s.adminTitle} {...props}>
      <p class="alert alert--info" data-testid="ops-admin-only">
        {s.adminOnly}
      </p>
    </OpsLayout>
  );
}

function AdminConsole(props: OpsPageProps) {
  const { t, s } = useI18n(opsText);
  const { data, loading, error, refetch } = useOpsQuery(AdminListsDocument);
  const [unlock] = useMutation(UnlockOperatorDocument);
  const [revoke] = useMutation(RevokeApiKeyDocument);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  // The role was taken away during the session: the same refusal as for a non-admin.
  if (error && errorCode(error) === 'FORBIDDEN') return <AdminOnly {...props} />;

  const open = (p: Pending) => {
    setDone(null);
    setPending(p);
  };

  const run = async (p: Pending, reason: string): Promise<string[] | null> => {
    let result: MutationResult | undefined | null;
    let message: string;
    if (p.kind === 'unlock') {
      const input = { operatorId: p.operator.id, reason };
      result = (await unlock({ input })).unlockOperator;
      message = fill(s.unlockOperatorDone, { name: p.operator.displayName, loginId: p.operator.loginId });
    } else {
      const input = { apiKeyId: p.apiKey.id, reason };
      result = (await revoke({ input })).revokeApiKey;
      message = fill(s.revokeApiKeyDone, { name: p.apiKey.name });
    }
    if (!result) throw new Error('empty result');
    if (result.__typename !== 'OperatorUnlocked' && result.__typename !== 'ApiKeyRevoked') {
      // Not locked any more / no such key: someone else acted first; show the tables as they are now.
      void refetch().catch(() => {});
      return resultErrors(result);
    }
    setPending(null);
    setDone(message);
    await refetch().catch(() => {});
    return null;
  };

  const operators = data?.operators;
  const apiKeys = data?.apiKeys;

  return (
    <OpsLayout title={s.adminTitle} {...props}>
      <p class="hint">{s.adminLead}</p>
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
      {loading && !data ? (
        <p class="loading" role="status">
          {s.loading}
        </p>
      ) : null}

      {operators ? (
        <section class="ops-section" aria-labelledby="ops-admin-operators-title">
          <h2 id="ops-admin-operators-title" class="section-title">
            {s.operatorsTitle}
          </h2>
          <OperatorTable
            operators={operators}
            onUnlock={(row) =>
              open({ kind: 'unlock', operator: getFragmentData(OpsAdminOperatorFieldsFragmentDoc, row) })
            }
          />
        </section>
      ) : null}

      {apiKeys ? (
        <section class="ops-section" aria-labelledby="ops-admin-keys-title">
          <h2 id="ops-admin-keys-title" class="section-title">
            {s.apiKeysTitle}
          </h2>
          <p class="hint">{s.apiKeysLead}</p>
          <ApiKeyTable
            apiKeys={apiKeys}
            onRevoke={(row) =>
              open({ kind: 'revoke', apiKey: getFragmentData(OpsAdminApiKeyFieldsFragmentDoc, row) })
            }
          />
        </section>
      ) : null}

      {pending ? (
        <ConfirmDialog
          title={pending.kind === 'unlock' ? s.unlockOperatorTitle : s.revokeApiKeyTitle}
          confirmLabel={pending.kind === 'unlock' ? s.unlockOperator : s.revokeApiKey}
          danger={pending.kind === 'revoke'}
          reasonHint={pending.kind === 'unlock' ? s.unlockOperatorHint : s.revokeApiKeyHint}
          testId={`dialog-${pending.kind}`}
          onClose={() => setPending(null)}
          onConfirm={(reason) => run(pending, reason)}
        >
          {pending.kind === 'unlock' ? (
            <>
              <p>{s.unlockOperatorQuestion}</p>
              <p class="ops-dialog__subject">
                {pending.operator.displayName} <span class="ops-mono">({pending.operator.loginId})</span>
              </p>
            </>
          ) : (
            <>
              <p>{s.revokeApiKeyQuestion}</p>
              <p class="ops-dialog__subject">
                {pending.apiKey.name} <span class="ops-mono">{pending.apiKey.prefix}…</span>
              </p>
            </>
          )}
        </ConfirmDialog>
      ) : null}
    </OpsLayout>
  );
}

function OperatorTable({
  operators,
  onUnlock,
}: {
  operators: readonly OperatorRow[];
  onUnlock: (operator: OperatorRow) => void;
}) {
  const { s } = useI18n(opsText);
  if (operators.length === 0) return <p>{s.none}</p>;
  return (
    <ScrollRegion label={s.operatorsTitle}>
      <table class="table ops-table" data-testid="ops-admin-operators">
        <thead>
          <tr>
            <th scope="col">{s.loginId}</th>
            <th scope="col">{s.displayName}</th>
            <th scope="col">{s.role}</th>
            <th scope="col">{s.status}</th>
            <th scope="col">{s.createdAt}</th>
            <th scope="col">{s.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((row) => {
            const o = getFragmentData(OpsAdminOperatorFieldsFragmentDoc, row);
            return (
              <tr key={o.id} data-testid="ops-admin-operator-row" data-login-id={o.loginId}>
                <th scope="row" class="ops-mono">
                  {o.loginId}
                </th>
                <td>{o.displayName}</td>
                <td>{named(s, 'role', o.role)}</td>
                <td>
                  {o.lockedAt ? (
                    <>
                      <span class="badge badge--unpaid" data-testid="badge-operator-locked">
                        {s.operatorLocked}
                      </span>
                      <span class="ops-code">{formatStamp(o.lockedAt)}</span>
                    </>
                  ) : (
                    <span class="badge badge--paid">{s.operatorActive}</span>
                  )}
                </td>
                <td class="ops-mono ops-nowrap">{formatStamp(o.createdAt)}</td>
                <td>
                  {o.lockedAt ? (
                    <button
                      type="button"
                      class="button button--secondary"
                      data-testid="ops-admin-unlock"
                      aria-label={fill(s.unlockOperatorLabel, { name: o.displayName, loginId: o.loginId })}
                      onClick={() => onUnlock(row)}
                    >
                      {s.unlockOperator}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ApiKeyTable({
  apiKeys,
  onRevoke,
}: {
  apiKeys: readonly ApiKeyRow[];
  onRevoke: (apiKey: ApiKeyRow) => void;
}) {
  const { s } = useI18n(opsText);
  if (apiKeys.length === 0) return <p>{s.none}</p>;
  return (
    <ScrollRegion label={s.apiKeysTitle}>
      <table class="table ops-table" data-testid="ops-admin-apikeys">
        <thead>
          <tr>
            <th scope="col">{s.apiKeyName}</th>
            <th scope="col">{s.apiKeyPrefix}</th>
            <th scope="col">{s.apiKeyScopes}</th>
            <th scope="col">{s.createdAt}</th>
            <th scope="col">{s.lastUsedAt}</th>
            <th scope="col">{s.status}</th>
            <th scope="col">{s.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {apiKeys.map((row) => {
            const k = getFragmentData(OpsAdminApiKeyFieldsFragmentDoc, row);
            return (
              <tr key={k.id} data-testid="ops-admin-apikey-row" data-prefix={k.prefix}>
                <th scope="row">{k.name}</th>
                <td class="ops-mono">{k.prefix}…</td>
                <td class="ops-mono">{k.scopes.length > 0 ? k.scopes.join(', ') : s.none}</td>
                <td class="ops-mono ops-nowrap">{formatStamp(k.createdAt)}</td>
                <td class="ops-mono ops-nowrap">{formatStamp(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    <>
                      <span class="badge badge--neutral" data-testid="badge-apikey-revoked">
                        {s.apiKeyRevoked}
                      </span>
                      <span class="ops-code">{formatStamp(k.revokedAt)}</span>
                    </>
                  ) : (
                    <span class="badge badge--paid" data-testid="badge-apikey-active">
                      {s.apiKeyActive}
                    </span>
                  )}
                </td>
                <td>
                  {k.revokedAt ? null : (
                    <button
                      type="button"
                      class="button button--secondary"
                      data-testid="ops-admin-revoke"
                      aria-label={fill(s.revokeApiKeyLabel, { name: k.name })}
                      onClick={() => onRevoke(row)}
                    >
                      {s.revokeApiKey}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
