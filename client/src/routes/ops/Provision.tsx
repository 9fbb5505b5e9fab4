import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { SelectField } from '../../components/SelectField';
import { useMutation } from '../../data/hooks';
import { fill } from '../../format';
import { type ErrorsByField, focusField, groupFieldErrors, useForm } from '../../forms';
import { getFragmentData } from '../../gql/fragment-masking';
import { FieldErrorsFieldsFragmentDoc, ProvisionAccountDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { newIdempotencyKey } from '../../idempotency';
import { Link } from '../../router';
import { ConfirmDialog, resultErrors } from './ConfirmDialog';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { CARRIERS, carrierName, opsText } from './strings';

const EMPTY = { holderName: '', postalAddress: '', registeredPhoneNumber: '' };

interface LineRow {
  key: number;
  lineNumber: string;
  carrierCode: string;
  serviceName: string;
  serviceNameEn: string;
}
type LineField = 'lineNumber' | 'carrierCode' | 'serviceName' | 'serviceNameEn';
const LINE_FIELDS: readonly LineField[] = ['lineNumber', 'carrierCode', 'serviceName', 'serviceNameEn'];

let nextKey = 1;
const emptyLine = (): LineRow => ({
  key: nextKey++,
  lineNumber: '',
  carrierCode: '',
  serviceName: '',
  serviceNameEn: '',
});
const lineName = (i: number, f: LineField) => `lines.${i}.${f}`;

/** `lines[0].lineNumber` and `lines.0.lineNumber` both name the first line's input. */
const normaliseField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

interface Created {
  accountId: string;
  customerNumber: string;
  holderName: string;
}

/** Provisioning (SPEC 2.2 step 1): the account, its lines, and the postcard in the print queue. */
export function ProvisionPage(props: OpsPageProps) {
  const { t, lang, s } = useI18n(opsText);
  const [provision] = useMutation(ProvisionAccountDocument);
  const form = useForm(EMPTY);
  const { values, bind, formErrors } = form;
  const [lines, setLines] = useState<LineRow[]>(() => [emptyLine()]);
  const [lineErrors, setLineErrors] = useState<ErrorsByField>({});
  const [reviewing, setReviewing] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  // One key per attempt: a resend after a network error cannot make a second account.
  const attemptKey = useRef(newIdempotencyKey());

  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);
  useEffect(() => {
    if (focusAfter) {
      focusField(focusAfter);
      setFocusAfter(null);
    }
  }, [focusAfter]);

  const setLine = (i: number, f: LineField, v: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [f]: v } : l)));

  const lineNames = lines.flatMap((_, i) => LINE_FIELDS.map((f) => lineName(i, f)));

  const review = form.onSubmit(async () => {
    setLineErrors({});
    const missing = form.missing();
    const missingLines: ErrorsByField = {};
    lines.forEach((l, i) => {
      for (const f of LINE_FIELDS)
        if (!l[f].trim())
          missingLines[lineName(i, f)] = [f === 'carrierCode' ? t('selectRequired') : t('fieldRequired')];
    });
    if (Object.keys(missing).length > 0 || Object.keys(missingLines).length > 0) {
      const first = form.showMissing(missing);
      setLineErrors(missingLines);
      focusField(first ?? Object.keys(missingLines)[0]);
      return;
    }
    setReviewing(true);
  });

  const send = async (reason: string): Promise<string[] | null> => {
    const input = {
      ...values,
      lines: lines.map(({ lineNumber, carrierCode, serviceName, serviceNameEn }) => ({
        lineNumber,
        carrierCode,
        serviceName,
        serviceNameEn,
      })),
      reason,
      idempotencyKey: attemptKey.current,
    };
    const result = (await provision({ input })).provisionAccount;
    attemptKey.current = newIdempotencyKey(); // answered: a corrected or new request is a new attempt
    if (result.__typename === 'AccountProvisioned') {
      setReviewing(false);
      setCreated({
        accountId: result.account.id,
        customerNumber: result.account.customerNumber,
        holderName: result.account.holderName,
      });
      return null;
    }
    if (result.__typename === 'FieldErrors') {
      // The server names a line's input `lines[0].x`: the lines' messages are shown here, the rest by the form.
      const { errors } = getFragmentData(FieldErrorsFieldsFragmentDoc, result);
      const byField = groupFieldErrors(errors.map((e) => ({ ...e, field: normaliseField(e.field) })));
      const reasonErrors = byField.reason ?? [];
      if (reasonErrors.length > 0 && Object.keys(byField).length === 1) return reasonErrors;
      setReviewing(false);
      const placed = [...Object.keys(EMPTY), ...lineNames];
      form.showFieldErrors(result, placed, normaliseField);
      const linesByField: ErrorsByField = {};
      for (const [k, v] of Object.entries(byField)) if (k.startsWith('lines.')) linesByField[k] = v;
      setLineErrors(linesByField);
      setFocusAfter(placed.find((f) => byField[f]) ?? null);
      return null;
    }
    return resultErrors(result);
  };

  if (created) {
    return (
      <OpsLayout title={s.provisionTitle} {...props}>
        <div
          class="alert alert--success"
          role="status"
          tabIndex={-1}
          ref={doneRef}
          data-testid="ops-provisioned"
        >
          <p>{fill(s.provisionDone, { customerNumber: created.customerNumber })}</p>
          <dl class="ops-props ops-props--compact">
            <div>
              <dt>{s.customerNumber}</dt>
              <dd class="ops-mono" data-testid="ops-provisioned-customer">
                {created.customerNumber}
              </dd>
            </div>
            <div>
              <dt>{s.holderName}</dt>
              <dd>{created.holderName}</dd>
            </div>
          </dl>
        </div>
        <ul class="ops-next">
          <li>
            <Link href="/ops/postcards" class="button button--primary" data-testid="ops-to-postcards">
              {s.toPostcards}
            </Link>
          </li>
          <li>
            <Link
              href={`/ops/accounts/${encodeURIComponent(created.accountId)}`}
              class="button button--secondary"
            >
              {s.toAccount}
            </Link>
          </li>
          <li>
            <button
              type="button"
              class="button button--link"
              onClick={() => {
                form.reset();
                form.clearErrors();
                setLines([emptyLine()]);
                setCreated(null);
              }}
            >
              {s.provisionAnother}
            </button>
          </li>
        </ul>
      </OpsLayout>
    );
  }

  const carrierOptions = CARRIERS.map((c) => ({ value: c.code, label: c[lang] }));

  return (
    <OpsLayout title={s.provisionTitle} {...props}>
      <form class="form ops-form" onSubmit={review} noValidate data-testid="ops-provision-form">
        <p class="lead">{s.provisionLead}</p>
        <FormErrors messages={formErrors} />
        <Field {...bind('holderName')} label={s.holderName} autocomplete="off" required />
        <Field
          {...bind('postalAddress')}
          label={s.postalAddress}
          hint={s.postalAddressHint}
          autocomplete="off"
          required
        />
        <Field
          {...bind('registeredPhoneNumber')}
          label={s.registeredPhoneNumber}
          hint={s.phoneHint}
          inputMode="tel"
          autocomplete="off"
          required
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{s.linesLegend}</legend>
          {lines.map((l, i) => (
            <fieldset class="ops-line" key={l.key} data-testid={`line-${i}`}>
              <legend class="ops-line__legend">{fill(s.lineN, { n: i + 1 })}</legend>
              <Field
                name={lineName(i, 'lineNumber')}
                label={s.lineNumber}
                value={l.lineNumber}
                onValue={(v) => setLine(i, 'lineNumber', v)}
                errors={lineErrors[lineName(i, 'lineNumber')]}
                inputMode="tel"
                autocomplete="off"
                required
              />
              <SelectField
                name={lineName(i, 'carrierCode')}
                label={s.carrier}
                value={l.carrierCode}
                onValue={(v) => setLine(i, 'carrierCode', v)}
                errors={lineErrors[lineName(i, 'carrierCode')]}
                options={carrierOptions}
                placeholder={s.selectCarrier}
                required
              />
              <Field
                name={lineName(i, 'serviceName')}
                label={s.serviceName}
                value={l.serviceName}
                onValue={(v) => setLine(i, 'serviceName', v)}
                errors={lineErrors[lineName(i, 'serviceName')]}
                autocomplete="off"
                required
              />
              <Field
                name={lineName(i, 'serviceNameEn')}
                label={s.serviceNameEn}
                hint={s.serviceNameEnHint}
                value={l.serviceNameEn}
                onValue={(v) => setLine(i, 'serviceNameEn', v)}
                errors={lineErrors[lineName(i, 'serviceNameEn')]}
                autocomplete="off"
                lang="en"
              />
              {lines.length > 0 ? (
                <button
                  type="button"
                  class="button button--link ops-line__remove"
                  onClick={() => {
                    setLines((ls) => ls.filter((_, j) => j !== i));
                    setLineErrors({});
                    setFocusAfter(lines.length > 1 ? lineName(Math.max(0, i - 1), 'lineNumber') : 'add-line');
                  }}
                >
                  {fill(s.removeLine, { n: i + 1 })}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button
            type="button"
            class="button button--secondary ops-add-line"
            id="f-add-line"
            data-testid="add-line"
            onClick={() => {
              setLines((ls) => [...ls, emptyLine()]);
              setFocusAfter(lineName(lines.length, 'lineNumber'));
            }}
          >
            {s.addLine}
          </button>
        </fieldset>
        <button type="submit" class="button button--primary" data-testid="ops-provision-review">
          {s.provisionButton}
        </button>
      </form>

      {reviewing ? (
        <ConfirmDialog
          title={s.provisionTitle}
          testId="dialog-provision"
          onClose={() => setReviewing(false)}
          onConfirm={send}
        >
          <p>{s.provisionQuestion}</p>
          <dl class="ops-props ops-props--compact">
            <div>
              <dt>{s.holderName}</dt>
              <dd>{values.holderName}</dd>
            </div>
            <div>
              <dt>{s.postalAddress}</dt>
              <dd>{values.postalAddress}</dd>
            </div>
            <div>
              <dt>{s.registeredPhoneNumber}</dt>
              <dd>{values.registeredPhoneNumber}</dd>
            </div>
            {lines.map((l, i) => (
              <div key={l.key}>
                <dt>{fill(s.lineN, { n: i + 1 })}</dt>
                <dd>
                  {l.lineNumber} / {carrierName(l.carrierCode, lang)} / {l.serviceName}
                  {l.serviceNameEn ? <span lang="en"> ({l.serviceNameEn})</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </ConfirmDialog>
      ) : null}
    </OpsLayout>
  );
}
