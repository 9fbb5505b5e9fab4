import type { Pool } from 'pg';
import type { Clock } from '../../clock';
import { AuditEventType } from '../audit/audit.service';
import type { BillingService, InvoiceRow } from '../billing/billing.service';
import { type BillingMonth, isBillingMonth, monthStart, retention } from '../billing/billing-month';
import type { CarrierStatementStore } from '../billing/carrier-statement.store';
import type { InvoiceLifecycleService } from '../billing/invoice-lifecycle.service';
import {
  ChargeErrorCode,
  encodeStatement,
  monthInWindow,
  normalizeCustomerNumber,
  type StatementInput,
  type StatementIssue,
  validateStatement,
} from './carrier-statement';
import { StatementResolver } from './statement-resolver';

export interface IntegratorActor {
  apiKeyId: string;
}

export type UpsertOutcome =
  | { kind: 'written'; changed: boolean; customerNumber: string; invoice: InvoiceRow }
  | { kind: 'invalid'; issues: StatementIssue[] }
  | { kind: 'month-out-of-range'; oldest: BillingMonth; newest: BillingMonth }
  | { kind: 'account-not-found' }
  | { kind: 'carrier-not-found' }
  | { kind: 'lines-not-on-account'; lineNumbers: string[] }
  | { kind: 'invoice-confirmed' };

export type ConfirmOutcome =
  | { kind: 'confirmed'; changed: boolean; customerNumber: string; invoice: InvoiceRow }
  | { kind: 'invalid'; issues: StatementIssue[] }
  | { kind: 'month-out-of-range'; oldest: BillingMonth; newest: BillingMonth }
  | { kind: 'account-not-found' }
  | { kind: 'invoice-not-found' };

export interface AccountInvoiceRow extends InvoiceRow {
  confirmed_at: Date | null;
  paid_at: Date | null;
  statements: { carrier_code: string; item_count: number; amount: number; received_at: string }[];
}

/**
 * What integrators do to bills (SPEC §6): upsert one carrier's monthly charges for an account, confirm
 * the month's invoice, read an account's invoices. The accounting system names accounts by customer
 * number and carriers by code; ids never leave the server.
 */
export class CarrierChargesService {
  readonly resolver: StatementResolver;

  constructor(
    private readonly pool: Pool,
    private readonly billing: BillingService,
    private readonly statements: CarrierStatementStore,
    private readonly invoices: InvoiceLifecycleService,
    private readonly clock: Clock,
  ) {
    this.resolver = new StatementResolver(pool);
  }

  async upsert(input: StatementInput, actor: IntegratorActor): Promise<UpsertOutcome> {
    const checked = validateStatement(input, this.clock);
    if (!checked.ok) {
      // The window has its own result (with the range), as the subscriber reads have.
      if (checked.issues.length === 1 && checked.issues[0].code === ChargeErrorCode.MONTH_OUT_OF_RANGE)
        return { kind: 'month-out-of-range', ...this.window() };
      return { kind: 'invalid', issues: checked.issues };
    }
    const s = checked.statement;
    const [accounts, carriers] = await Promise.all([
      this.resolver.accounts([s.customerNumber]),
      this.resolver.carrierIds([s.carrierCode]),
    ]);
    const account = accounts.get(s.customerNumber);
    if (!account) return { kind: 'account-not-found' };
    const accountId = account.id;
    const carrierId = carriers.get(s.carrierCode);
    if (carrierId === undefined) return { kind: 'carrier-not-found' };
    const missing = [...new Set(s.items.map((i) => i.lineNumber))].filter((n) => !account.lineId(n));
    // An unknown line is refused, not created: lines come from provisioning (service, carrier), which a
    // statement cannot supply, and a typo would otherwise bill a line nobody has.
    if (missing.length > 0) return { kind: 'lines-not-on-account', lineNumbers: missing };

    const outcome = await this.statements.upsert(
      {
        accountId,
        billingMonth: s.billingMonth,
        carrierId,
        ...encodeStatement(
          s,
          s.items.map((i) => i.lineNumber),
          (lineNumber) => account.lineId(lineNumber) as string,
          s.items.map((i) => i.itemName),
          s.items.map((i) => i.amount),
          s.items.map((i) => i.taxRate),
        ),
        issueDate: s.issueDate,
        dueDate: s.dueDate,
      },
      {
        event: AuditEventType.CHARGES_UPSERTED,
        outcome: 'SUCCESS',
        apiKeyId: actor.apiKeyId,
        detail: { carrierCode: s.carrierCode },
      },
      this.clock.now(),
    );
    if (outcome.kind === 'confirmed') return { kind: 'invoice-confirmed' };
    const invoice = await this.invoiceRow(accountId, s.billingMonth);
    return {
      kind: 'written',
      changed: outcome.kind === 'changed',
      customerNumber: s.customerNumber,
      invoice,
    };
  }

  /** PROVISIONAL → CONFIRMED through the invoice lifecycle (which schedules the notification mail). */
  async confirm(
    input: { customerNumber: string; billingMonth: string },
    actor: IntegratorActor,
  ): Promise<ConfirmOutcome> {
    const customerNumber = normalizeCustomerNumber(input.customerNumber ?? '');
    const month = (input.billingMonth ?? '').trim();
    const issues: StatementIssue[] = [];
    if (!customerNumber)
      issues.push({ field: 'customerNumber', code: ChargeErrorCode.CUSTOMER_NUMBER_REQUIRED });
    if (!isBillingMonth(month))
      issues.push({ field: 'billingMonth', code: ChargeErrorCode.BILLING_MONTH_INVALID });
    if (issues.length > 0) return { kind: 'invalid', issues };
    if (!monthInWindow(month, this.clock)) return { kind: 'month-out-of-range', ...this.window() };
    const accountId = (await this.resolver.accountIds([customerNumber])).get(customerNumber);
    if (!accountId) return { kind: 'account-not-found' };
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM invoice WHERE billing_account_id = $1 AND billing_month = $2::date',
      [accountId, monthStart(month)],
    );
    if (rows.length === 0) return { kind: 'invoice-not-found' };
    const result = await this.invoices.confirm(rows[0].id, { apiKeyId: actor.apiKeyId });
    if (result === 'not-found') return { kind: 'invoice-not-found' };
    const invoice = await this.invoiceRow(accountId, month);
    return { kind: 'confirmed', changed: result === 'confirmed', customerNumber, invoice };
  }

  /** An account's invoices in the 15-month window, newest first, with what accounting reconciles by. */
  async invoicesOf(
    customerNumberInput: string,
    months: number,
  ): Promise<
    { kind: 'found'; customerNumber: string; invoices: AccountInvoiceRow[] } | { kind: 'account-not-found' }
  > {
    const customerNumber = normalizeCustomerNumber(customerNumberInput ?? '');
    const accountId = (await this.resolver.accountIds([customerNumber])).get(customerNumber);
    if (!accountId) return { kind: 'account-not-found' };
    const invoices = await this.billing.invoices(accountId, months);
    if (invoices.length === 0) return { kind: 'found', customerNumber, invoices: [] };
    const { rows } = await this.pool.query<{
      id: string;
      confirmed_at: Date | null;
      paid_at: Date | null;
      statements: AccountInvoiceRow['statements'];
    }>(
      `SELECT i.id, i.confirmed_at, i.paid_at,
              COALESCE((SELECT json_agg(json_build_object('carrier_code', c.code, 'item_count', cs.item_count,
                                          'amount', cs.amount, 'received_at', cs.received_at) ORDER BY c.id)
                          FROM carrier_statement cs JOIN carrier c ON c.id = cs.carrier_id
                         WHERE cs.invoice_id = i.id), '[]') AS statements
         FROM invoice i WHERE i.id = ANY($1::uuid[])`,
      [invoices.map((i) => i.id)],
    );
    const extra = new Map(rows.map((r) => [r.id, r]));
    return {
      kind: 'found',
      customerNumber,
      invoices: invoices.map((i) => {
        const e = extra.get(i.id);
        return {
          ...i,
          confirmed_at: e?.confirmed_at ?? null,
          paid_at: e?.paid_at ?? null,
          statements: e?.statements ?? [],
        };
      }),
    };
  }

  private window(): { oldest: BillingMonth; newest: BillingMonth } {
    const r = retention(this.clock);
    return { oldest: r.oldestTotals, newest: r.current };
  }

  private async invoiceRow(accountId: string, month: BillingMonth): Promise<InvoiceRow> {
    const found = await this.billing.invoice(accountId, month);
    if (found.kind !== 'found') throw new Error(`invoice ${month} vanished after writing it`);
    return found.value;
  }
}
