import { useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { SelectField } from '../../components/SelectField';
import { errorMessage } from '../../data/errors';
import { useNextPages } from '../../data/next-page';
import { useForm } from '../../forms';
import { AuditEventsDocument, type AuditEventsQuery, type AuditFilter } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { AuditTable } from './Account';
import type { OpsPageProps } from './index';
import { OpsLayout } from './OpsLayout';
import { useOpsQuery } from './query';
import { AUDIT_EVENTS, opsText } from './strings';

const PAGE = 50;
const pageOf = (data: AuditEventsQuery) =>
  data.auditEvents && { items: data.auditEvents.events, nextCursor: data.auditEvents.nextCursor };
const EMPTY = { customerNumber: '', operatorLoginId: '', event: '', from: '', to: '' };

/** A calendar day (yyyy-mm-dd, Japan time) as an instant: its start, or the next day's (`to` is exclusive). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+09:00`).toISOString();
const dayEnd = (d: string) => new Date(new Date(`${d}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();

function toFilter(v: typeof EMPTY): AuditFilter {
  const f: AuditFilter = {};
  if (v.customerNumber.trim()) f.customerNumber = v.customerNumber.trim();
  if (v.operatorLoginId.trim()) f.operatorLoginId = v.operatorLoginId.trim();
  if (v.event) f.event = v.event;
  if (v.from) f.from = dayStart(v.from);
  if (v.to) f.to = dayEnd(v.to);
  return f;
}

/** The audit log with filters (account, operator, event, dates), newest first, page by page. */
export function AuditPage(props: OpsPageProps) {
  const { t, lang, s } = useI18n(opsText);
  // Opened from an account page (`?customer=`): already filtered to that customer.
  const [initial] = useState(() => ({
    ...EMPTY,
    customerNumber: new URLSearchParams(window.location.search).get('customer') ?? '',
  }));
  const form = useForm(initial);
  const { bind, values } = form;
  const [filter, setFilter] = useState<AuditFilter>(() => toFilter(initial));
  const variables = { filter, first: PAGE };
  const { data, loading, error } = useOpsQuery(AuditEventsDocument, { variables });
  // The pages after the first; a new filter's first page starts the list again.
  const paged = useNextPages(AuditEventsDocument, variables, data, pageOf);
  const page = data?.auditEvents;
  const events = paged.items;

  const apply = (e: Event) => {
    e.preventDefault();
    setFilter(toFilter(values));
  };

  const eventOptions = Object.entries(AUDIT_EVENTS).map(([code, names]) => ({
    value: code,
    label: `${names[lang]} (${code})`,
  }));

  return (
    <OpsLayout title={s.navAudit} {...props}>
      <p class="lead">{s.auditLead}</p>
      <form class="form ops-filters" onSubmit={apply} data-testid="ops-audit-filters">
        <fieldset class="fieldset ops-filters__set">
          <legend class="fieldset__legend">{s.filterLegend}</legend>
          <Field {...bind('customerNumber')} label={s.customerNumber} autocomplete="off" />
          <Field {...bind('operatorLoginId')} label={s.filterOperator} autocomplete="off" />
          <SelectField
            {...bind('event')}
            label={s.filterEvent}
            options={eventOptions}
            placeholder={s.allEvents}
          />
          <Field {...bind('from')} label={s.filterFrom} type="date" />
          <Field {...bind('to')} label={s.filterTo} type="date" />
        </fieldset>
        <div class="ops-filters__actions">
          <button type="submit" class="button button--primary" data-testid="ops-audit-apply">
            {s.filterButton}
          </button>
          <button
            type="button"
            class="button button--link"
            onClick={() => {
              form.reset();
              setFilter({});
            }}
          >
            {s.filterClear}
          </button>
        </div>
      </form>

      {error ? <FormErrors messages={[errorMessage(error, t)]} /> : null}
      <div role="status" aria-live="polite" class="ops-status-line">
        {loading || paged.loading ? s.loading : page && events.length === 0 ? s.noEvents : null}
      </div>
      {events.length > 0 ? (
        <AuditTable events={events} showCustomer testId="ops-audit-table" label={s.navAudit} />
      ) : null}
      {paged.error ? <FormErrors messages={[errorMessage(paged.error, t)]} /> : null}
      {paged.cursor ? (
        <p class="ops-more">
          <BusyButton
            type="button"
            class="button button--secondary"
            busy={loading || paged.loading}
            data-testid="ops-audit-more"
            onClick={() => void paged.loadMore()}
          >
            {s.loadMore}
          </BusyButton>
        </p>
      ) : null}
    </OpsLayout>
  );
}
