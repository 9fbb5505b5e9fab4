import { useState } from 'preact/hooks';
import { FormErrors } from '../../components/FormErrors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { errorMessage } from '../../data/errors';
import { useMutation } from '../../data/hooks';
import { fill } from '../../format';
import { ResendMailDocument, UndeliveredMailsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { formatStamp } from './Account';
import { ConfirmDialog, resultErrors } from './ConfirmDialog';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { opsText } from './strings';

/**
 * Undelivered mail (SPEC 5): what the queue gave up on, with the last error, newest first; one can be
 * sent again (the same message) while the password or link in it is still valid.
 */
export function MailPage(props: OpsPageProps) {
  const { t, s } = useI18n(opsText);
  const { data, loading, error, refetch } = useOpsQuery(UndeliveredMailsDocument);
  const [resend] = useMutation(ResendMailDocument);
  const [chosen, setChosen] = useState<{ id: string; recipient: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mails = data?.undeliveredMails ?? [];

  const send = async (reason: string): Promise<string[] | null> => {
    if (!chosen) return null;
    const result = (await resend({ input: { mailId: chosen.id, reason } })).resendMail;
    if (result.__typename !== 'MailQueued') return resultErrors(result);
    setDone(fill(s.mailResent, { to: chosen.recipient }));
    setChosen(null);
    await refetch().catch(() => {});
    return null;
  };

  return (
    <OpsLayout title={s.navMail} {...props}>
      <p class="lead">{s.mailLead}</p>
      <div role="status" aria-live="polite" class="ops-status-line" data-testid="ops-mail-status">
        {done}
      </div>
      {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}
      {loading && !data ? (
        <p class="loading" role="status">
          {s.loading}
        </p>
      ) : null}
      {data && mails.length === 0 ? <p data-testid="ops-no-mail">{s.noUndeliveredMail}</p> : null}
      {mails.length > 0 ? (
        <ScrollRegion label={s.navMail}>
          <table class="table ops-table" data-testid="ops-undelivered-mail">
            <thead>
              <tr>
                <th scope="col">{s.failedAt}</th>
                <th scope="col">{s.customerNumber}</th>
                <th scope="col">{s.recipient}</th>
                <th scope="col">{s.mailTemplate}</th>
                <th scope="col">{s.lastError}</th>
                <th scope="col">{s.actionColumn}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id} data-testid="ops-mail-row">
                  <td class="ops-mono ops-nowrap">{m.failedAt ? formatStamp(m.failedAt) : ''}</td>
                  <td class="ops-mono">
                    {m.accountId ? (
                      <Link href={`/ops/accounts/${m.accountId}`}>{m.customerNumber}</Link>
                    ) : null}
                  </td>
                  <td>{m.recipient}</td>
                  <td class="ops-mono">{m.template}</td>
                  <td>
                    {m.lastError} ({fill(s.attempts, { n: m.attempts })})
                  </td>
                  <td>
                    {m.resendable ? (
                      <button
                        type="button"
                        class="button button--secondary"
                        data-testid="ops-mail-resend"
                        onClick={() => {
                          setDone(null);
                          setChosen({ id: m.id, recipient: m.recipient });
                        }}
                      >
                        {s.resend}
                      </button>
                    ) : (
                      s.secretExpired
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {chosen ? (
        <ConfirmDialog
          title={s.resend}
          testId="dialog-resend-mail"
          onClose={() => setChosen(null)}
          onConfirm={send}
        >
          <p>{fill(s.resendQuestion, { to: chosen.recipient })}</p>
        </ConfirmDialog>
      ) : null}
    </OpsLayout>
  );
}
