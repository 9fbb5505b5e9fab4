import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { requireApiKey } from '../../graphql/errors';
import { Scope } from '../../graphql/roles';
import { FieldError, FieldErrors, type UserError, userError } from '../../graphql/user-error';
import { type Lang, localName, message } from '../../i18n/messages';
import { toInvoice } from '../billing/billing.resolver';
import { TOTALS_MONTHS } from '../billing/billing-month';
import type { CarrierRegistry } from '../billing/carrier-registry';
import { CarrierNotFound, InvoiceNotFound, MonthOutOfRange } from '../billing/dtos/billing.results';
import { Carrier } from '../billing/dtos/billing.types';
import type { CarrierChargesService } from './carrier-charges.service';
import { ChargeErrorCode, chargeMessage, type StatementIssue } from './carrier-statement';
import { ConfirmInvoiceInput } from './dtos/confirm-invoice.input';
import {
  AccountInvoice,
  CarrierChargesUpserted,
  CarrierStatementSummary,
  CarrierUpserted,
  ConfirmInvoiceResult,
  CustomerInvoices,
  InvoiceAlreadyConfirmed,
  InvoiceConfirmed,
  InvoicesByCustomerNumberResult,
  LinesNotOnAccount,
  UnknownCustomerNumber,
  UpsertCarrierChargesResult,
  UpsertCarrierResult,
} from './dtos/integrations.results';
import { UpsertCarrierInput } from './dtos/upsert-carrier.input';
import { UpsertCarrierChargesInput } from './dtos/upsert-carrier-charges.input';

function chargeError<T extends UserError>(Type: new () => T, code: ChargeErrorCode, lang: Lang): T {
  return Object.assign(new Type(), { code, message: chargeMessage(code, lang) });
}

function fieldErrors(issues: readonly StatementIssue[], lang: Lang): FieldErrors {
  return Object.assign(new FieldErrors(), {
    code: 'VALIDATION_FAILED',
    message: message(lang, 'VALIDATION_FAILED'),
    errors: issues.map((i) =>
      Object.assign(new FieldError(), { field: i.field, code: i.code, message: chargeMessage(i.code, lang) }),
    ),
  });
}

function monthOutOfRange(lang: Lang, range: { oldest: string; newest: string }): MonthOutOfRange {
  return Object.assign(userError(MonthOutOfRange, 'MONTH_OUT_OF_RANGE', lang), {
    oldestMonth: range.oldest,
    newestMonth: range.newest,
  });
}

/** Integrator operations (SPEC §6): API keys only, each operation behind its scope. */
@Resolver()
export class IntegrationsResolver {
  constructor(
    private readonly charges: CarrierChargesService,
    private readonly carriers: CarrierRegistry,
  ) {}

  @Authorized(Scope.BILLING_WRITE)
  @Mutation(() => UpsertCarrierResult, {
    description:
      'Adds a carrier or sets its names and qualified-invoice issuer details (legal name, registration ' +
      'number) (billing:write). Idempotent.',
  })
  async upsertCarrier(
    @Arg('input', () => UpsertCarrierInput) input: UpsertCarrierInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof UpsertCarrierResult> {
    const key = requireApiKey(ctx);
    const outcome = await this.carriers.upsert(input, { apiKeyId: key.apiKeyId });
    if (outcome.kind === 'invalid') return FieldErrors.of(ctx.lang, outcome.issues);
    const c = outcome.carrier;
    return Object.assign(new CarrierUpserted(), {
      carrier: Object.assign(new Carrier(), {
        code: c.code,
        name: localName(ctx.lang, c.name_ja, c.name_en),
        legalName: c.legal_name,
        registrationNumber: c.registration_number,
      }),
      nameJa: c.name_ja,
      nameEn: c.name_en,
      created: outcome.created,
      changed: outcome.changed,
    });
  }

  @Authorized(Scope.BILLING_WRITE)
  @Mutation(() => UpsertCarrierChargesResult, {
    description: "Idempotent upsert of one carrier's monthly charges for an account (billing:write).",
  })
  async upsertCarrierCharges(
    @Arg('input', () => UpsertCarrierChargesInput) input: UpsertCarrierChargesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof UpsertCarrierChargesResult> {
    const key = requireApiKey(ctx);
    const outcome = await this.charges.upsert(input, { apiKeyId: key.apiKeyId });
    switch (outcome.kind) {
      case 'written':
        return Object.assign(new CarrierChargesUpserted(), {
          customerNumber: outcome.customerNumber,
          invoice: toInvoice(outcome.invoice),
          changed: outcome.changed,
        });
      case 'invalid':
        return fieldErrors(outcome.issues, ctx.lang);
      case 'month-out-of-range':
        return monthOutOfRange(ctx.lang, outcome);
      case 'account-not-found':
        return chargeError(UnknownCustomerNumber, ChargeErrorCode.ACCOUNT_NOT_FOUND, ctx.lang);
      case 'carrier-not-found':
        return userError(CarrierNotFound, 'CARRIER_NOT_FOUND', ctx.lang);
      case 'lines-not-on-account': {
        const error = chargeError(LinesNotOnAccount, ChargeErrorCode.LINE_NOT_ON_ACCOUNT, ctx.lang);
        return Object.assign(error, {
          message: `${error.message} (${outcome.lineNumbers.join(', ')})`,
          lineNumbers: outcome.lineNumbers,
        });
      }
      case 'invoice-confirmed':
        return chargeError(InvoiceAlreadyConfirmed, ChargeErrorCode.INVOICE_CONFIRMED, ctx.lang);
    }
  }

  @Authorized(Scope.BILLING_WRITE)
  @Mutation(() => ConfirmInvoiceResult, {
    description:
      'Confirms a month’s invoice and schedules its notification mail (billing:write). Idempotent.',
  })
  async confirmInvoice(
    @Arg('input', () => ConfirmInvoiceInput) input: ConfirmInvoiceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof ConfirmInvoiceResult> {
    const key = requireApiKey(ctx);
    const outcome = await this.charges.confirm(input, { apiKeyId: key.apiKeyId });
    switch (outcome.kind) {
      case 'confirmed':
        return Object.assign(new InvoiceConfirmed(), {
          customerNumber: outcome.customerNumber,
          invoice: toInvoice(outcome.invoice),
          changed: outcome.changed,
        });
      case 'invalid':
        return fieldErrors(outcome.issues, ctx.lang);
      case 'month-out-of-range':
        return monthOutOfRange(ctx.lang, outcome);
      case 'account-not-found':
        return chargeError(UnknownCustomerNumber, ChargeErrorCode.ACCOUNT_NOT_FOUND, ctx.lang);
      case 'invoice-not-found':
        return userError(InvoiceNotFound, 'INVOICE_NOT_FOUND', ctx.lang);
    }
  }

  @Authorized(Scope.BILLING_READ)
  @Query(() => InvoicesByCustomerNumberResult, {
    description: "An account's invoices, newest first, within the 15-month window (billing:read).",
  })
  async invoicesByCustomerNumber(
    @Arg('customerNumber', () => String) customerNumber: string,
    @Arg('months', () => Int, { defaultValue: TOTALS_MONTHS, description: 'At most 15.' }) months: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<typeof InvoicesByCustomerNumberResult> {
    requireApiKey(ctx);
    const found = await this.charges.invoicesOf(customerNumber, Math.min(Math.max(months, 1), TOTALS_MONTHS));
    if (found.kind === 'account-not-found')
      return chargeError(UnknownCustomerNumber, ChargeErrorCode.ACCOUNT_NOT_FOUND, ctx.lang);
    return Object.assign(new CustomerInvoices(), {
      customerNumber: found.customerNumber,
      invoices: found.invoices.map((row) =>
        Object.assign(new AccountInvoice(), {
          customerNumber: found.customerNumber,
          invoice: toInvoice(row),
          confirmedAt: row.confirmed_at,
          paidAt: row.paid_at,
          carrierStatements: row.statements.map((s) =>
            Object.assign(new CarrierStatementSummary(), {
              carrierCode: s.carrier_code,
              itemCount: s.item_count,
              amount: s.amount,
              receivedAt: new Date(s.received_at),
            }),
          ),
        }),
      ),
    });
  }
}
