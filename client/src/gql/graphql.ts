/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AuditFilter = {
  accountId?: string | number | null | undefined;
  customerNumber?: string | null | undefined;
  event?: string | null | undefined;
  from?: string | null | undefined;
  operatorLoginId?: string | null | undefined;
  /** Exclusive. */
  to?: string | null | undefined;
};

/** Guide 4 (5): a mobile carrier's mail, or Internet mail (PC, smartphone, tablet). */
export type BillingNotificationEmailType =
  | 'INTERNET'
  | 'MOBILE';

export type CardBrand =
  | 'AMEX'
  | 'DINERS'
  | 'JCB'
  | 'MASTERCARD'
  | 'VISA';

export type ChangeInitialCredentialsInput = {
  initialLoginId: string;
  initialPassword: string;
  newLoginId: string;
  newLoginIdConfirmation: string;
  newPassword: string;
  newPasswordConfirmation: string;
};

export type ChangePasswordInput = {
  /** The password in force (after a reissue: the mailed one). */
  currentPassword: string;
  newPassword: string;
  newPasswordConfirmation: string;
};

export type ConfirmBillingNotificationEmailInput = {
  registeredPhoneNumber: string;
  token: string;
};

export type ConfirmReissueEmailInput = {
  secretAnswer: string;
  secretQuestionId: string | number;
  /** From the link fragment `#token=…`. */
  token: string;
};

/** 速報 (provisional) or 確定 (confirmed). */
export type InvoiceStatus =
  | 'CONFIRMED'
  | 'PROVISIONAL';

export type IssuePayEasySlipInput = {
  /** YYYY-MM */
  billingMonth: string;
};

export type LiftReissueBlockInput = {
  accountId: string | number;
  /** Why: the call, the ticket (1–500 characters). Audited. */
  reason: string;
};

/** The newest month against the one before it. */
export type LineChangeStatus =
  /** Billed in both. */
  | 'CONTINUING'
  /** Billed in the month before the newest, not in the newest. */
  | 'ENDED'
  /** Billed in the newest month, not in the one before. */
  | 'NEW'
  /** Billed in neither (only in older months of the four). */
  | 'NOT_BILLED';

/** By the newest month's amount (a line not billed in it counts as 0), or by line number. */
export type LineChargeSort =
  | 'AMOUNT_ASC'
  | 'AMOUNT_DESC'
  | 'LINE_NUMBER';

export type LoginInput = {
  /** Non-browser clients: return the session token for `Authorization: Bearer` instead of a cookie. */
  bearer?: boolean;
  loginId: string;
  password: string;
  /** After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`). */
  proof?: string | null | undefined;
};

export type MarkPostcardsMailedInput = {
  postcardIds: Array<string | number>;
  /** Why: the call, the ticket (1–500 characters). Audited. */
  reason: string;
};

export type OperatorLoginInput = {
  /** Non-browser clients: return the session token for `Authorization: Bearer` instead of a cookie. */
  bearer?: boolean;
  loginId: string;
  password: string;
  /** After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`). */
  proof?: string | null | undefined;
};

/** OPERATOR: the call-centre console. ADMIN: that, plus operator administration. */
export type OperatorRole =
  | 'ADMIN'
  | 'OPERATOR';

export type PayInvoiceByCardInput = {
  /** YYYY-MM */
  billingMonth: string;
  /** Spaces, dashes and full-width digits are accepted. */
  cardNumber: string;
  cvc: string;
  expiryMonth: number;
  /** YYYY or YY. */
  expiryYear: number;
  holderName?: string | null | undefined;
  /** Chosen by the client once per attempt: a resubmit with the same key never charges twice. */
  idempotencyKey: string;
};

export type PaymentMethod =
  | 'CARD'
  | 'OTHER'
  | 'PAYEASY';

export type PaymentStatus =
  | 'PAID'
  | 'UNPAID';

export type PostcardKind =
  | 'PROVISION'
  | 'REISSUE';

/** PENDING until mailed; CANCELLED when a newer reissue replaced it before mailing. */
export type PostcardStatus =
  | 'CANCELLED'
  | 'MAILED'
  | 'PENDING';

export type ProvisionAccountInput = {
  holderName: string;
  /** Retry safety: a second request with the same key from the same operator or API key returns the account the first one made (no second account, no second postcard); the same key with other details is refused (IDEMPOTENCY_KEY_REUSED_OTHER_ACCOUNT). */
  idempotencyKey?: string | null | undefined;
  lines?: Array<ProvisionLineInput>;
  postalAddress?: string;
  /** Required for operators (1–500 characters); integrators may omit it ("integration"). */
  reason?: string | null | undefined;
  registeredPhoneNumber: string;
};

export type ProvisionLineInput = {
  /** NTT_EAST, NTT_WEST, NTT_DOCOMO, NTT_COM or OCN. */
  carrierCode: string;
  /** Dashes, spaces and full-width digits are accepted. */
  lineNumber: string;
  /** In Japanese, as on the bill. */
  serviceName: string;
  /** The English name shown to English readers; without it they see the Japanese one. */
  serviceNameEn?: string | null | undefined;
};

export type RegisterBillingNotificationEmailInput = {
  email: string;
  emailType: BillingNotificationEmailType;
};

export type RegisterReissueEmailInput = {
  email: string;
  emailConfirmation: string;
  secretAnswer: string;
  secretQuestionId: string | number;
};

export type ReissueCredentialsByPostcardInput = {
  accountId: string | number;
  /** Why: the call, the ticket (1–500 characters). Audited. */
  reason: string;
};

export type RequestPasswordReissueInput = {
  email: string;
  loginId: string;
  /** After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`). */
  proof?: string | null | undefined;
  secretAnswer: string;
  secretQuestionId: string | number;
};

/** What the signed-in subscriber must do before any other operation is allowed. */
export type RequiredAction =
  | 'CHANGE_INITIAL_CREDENTIALS'
  | 'CHANGE_PASSWORD'
  | 'NONE';

export type ResendMailInput = {
  mailId: string | number;
  /** Why (audited), e.g. "mailbox was full; customer called". */
  reason: string;
};

export type RevokeApiKeyInput = {
  apiKeyId: string | number;
  /** Why (1–500 characters). Audited. */
  reason: string;
};

export type UnlockAccountInput = {
  accountId: string | number;
  /** Why: the call, the ticket (1–500 characters). Audited. */
  reason: string;
};

export type UnlockOperatorInput = {
  operatorId: string | number;
  /** Why (1–500 characters). Audited. */
  reason: string;
};

export type UpdateContactDetailsInput = {
  contactEmail: string;
  contactPhoneNumber: string;
};

export type InvoiceCardFieldsFragment = { __typename: 'Invoice', billingMonth: string, status: InvoiceStatus, billingAmount: number, dueDate: string, paymentStatus: PaymentStatus, overdue: boolean, detailsAvailable: boolean } & { ' $fragmentName'?: 'InvoiceCardFieldsFragment' };

export type SecretQuestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretQuestionsQuery = { __typename: 'Query', secretQuestions: Array<{ __typename: 'SecretQuestion', id: string, text: string }> };

export type ViewerFieldsFragment = { __typename: 'Viewer', loginId: string, requiredAction: RequiredAction, customerNumber: string, registeredPhoneNumber: string, holderName: string } & { ' $fragmentName'?: 'ViewerFieldsFragment' };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: (
    { __typename: 'Viewer' }
    & { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } }
  ) | null };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename: 'Mutation', logout: boolean };

export type ExtendSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type ExtendSessionMutation = { __typename: 'Mutation', extendSession:
    | { __typename: 'SessionExtended', expiresIn: number }
    | { __typename: 'SessionLimitReached', message: string, expiresIn: number }
   };

export type FieldErrorsFieldsFragment = { __typename: 'FieldErrors', code: string, message: string, errors: Array<{ __typename: 'FieldError', field: string, code: string, message: string }> } & { ' $fragmentName'?: 'FieldErrorsFieldsFragment' };

export type RecentInvoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecentInvoicesQuery = { __typename: 'Query', billing: { __typename: 'Billing', recentInvoices: Array<(
      { __typename: 'Invoice' }
      & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
    )> } };

export type BreakdownQueryVariables = Exact<{
  billingMonth: string;
  lineNumber?: string | null | undefined;
  carrierCode?: string | null | undefined;
}>;


export type BreakdownQuery = { __typename: 'Query', billing: { __typename: 'Billing', breakdown:
      | { __typename: 'Breakdown', itemsTotal: number, lineNumber: string | null, carrierCode: string | null, invoice: (
          { __typename: 'Invoice', usageAmount: number, adjustmentAmount: number, nonTaxableAmount: number, taxes: Array<{ __typename: 'TaxLine', rate: number, taxableAmount: number, taxAmount: number }> }
          & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
        ), carriers: Array<{ __typename: 'CarrierBreakdown', subtotal: number, carrier: { __typename: 'Carrier', code: string, name: string }, lines: Array<{ __typename: 'LineBreakdown', subtotal: number, line: { __typename: 'Line', lineNumber: string, serviceName: string }, items: Array<{ __typename: 'ChargeItem', name: string, amount: number, taxRate: number }> }> }> }
      | { __typename: 'CarrierNotFound', code: string, message: string }
      | { __typename: 'DetailsNotRetained', code: string, message: string }
      | { __typename: 'InvoiceNotFound', code: string, message: string }
      | { __typename: 'LineNotFound', code: string, message: string }
      | { __typename: 'MonthOutOfRange', code: string, message: string }
     } };

export type BreakdownPickerQueryVariables = Exact<{ [key: string]: never; }>;


export type BreakdownPickerQuery = { __typename: 'Query', billing: { __typename: 'Billing', lines: { __typename: 'LinePage', totalCount: number, lines: Array<{ __typename: 'Line', lineNumber: string, serviceName: string, carrier: { __typename: 'Carrier', code: string, name: string } }> }, carriers: Array<{ __typename: 'Carrier', code: string, name: string }> } };

export type BillingHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingHistoryQuery = { __typename: 'Query', billing: { __typename: 'Billing', history: Array<(
      { __typename: 'Invoice' }
      & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
    )> } };

export type InvoiceSummaryQueryVariables = Exact<{
  billingMonth: string;
}>;


export type InvoiceSummaryQuery = { __typename: 'Query', billing: { __typename: 'Billing', invoice:
      | (
        { __typename: 'Invoice', usageAmount: number, adjustmentAmount: number, nonTaxableAmount: number, issueDate: string, taxes: Array<{ __typename: 'TaxLine', rate: number, taxableAmount: number, taxAmount: number }>, issuers: Array<{ __typename: 'InvoiceIssuer', nonTaxableAmount: number, totalAmount: number, carrier: { __typename: 'Carrier', code: string, name: string, legalName: string, registrationNumber: string | null }, taxes: Array<{ __typename: 'TaxLine', rate: number, taxableAmount: number, taxAmount: number }> }>, notices: Array<{ __typename: 'Notice', title: string, body: string }>, receipt: (
          { __typename: 'Receipt' }
          & { ' $fragmentRefs'?: { 'ReceiptFieldsFragment': ReceiptFieldsFragment } }
        ) | null }
        & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
      )
      | { __typename: 'InvoiceNotFound', code: string, message: string }
      | { __typename: 'MonthOutOfRange', code: string, message: string }
     } };

export type LineChargesQueryVariables = Exact<{
  search?: string | null | undefined;
  sort: LineChargeSort;
  first: number;
  after?: string | null | undefined;
}>;


export type LineChargesQuery = { __typename: 'Query', billing: { __typename: 'Billing', lineCharges:
      | { __typename: 'FieldErrors', code: string, message: string, errors: Array<{ __typename: 'FieldError', field: string, message: string }> }
      | { __typename: 'LineChargePage', months: Array<string>, totalCount: number, nextCursor: string | null, lines: Array<{ __typename: 'LineCharges', amounts: Array<number | null>, change: number, changeStatus: LineChangeStatus, line: { __typename: 'Line', lineNumber: string, serviceName: string }, carriers: Array<{ __typename: 'Carrier', code: string, name: string }> }> }
     } };

export type ChangeInitialCredentialsMutationVariables = Exact<{
  input: ChangeInitialCredentialsInput;
}>;


export type ChangeInitialCredentialsMutation = { __typename: 'Mutation', changeInitialCredentials:
    | { __typename: 'CredentialsChanged', viewer: (
        { __typename: 'Viewer' }
        & { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } }
      ) }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type RequestPasswordReissueMutationVariables = Exact<{
  input: RequestPasswordReissueInput;
}>;


export type RequestPasswordReissueMutation = { __typename: 'Mutation', requestPasswordReissue:
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'ReissueRequested', message: string }
    | { __typename: 'StepUpRequired', code: string, message: string, challenge: string, retryAfterSeconds: number }
   };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename: 'Mutation', login:
    | { __typename: 'AccountLocked', code: string, message: string }
    | { __typename: 'CredentialsExpired', code: string, message: string }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'LoginSuccess', requiredAction: RequiredAction, viewer: (
        { __typename: 'Viewer' }
        & { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } }
      ) }
    | { __typename: 'StepUpRequired', code: string, message: string, challenge: string, retryAfterSeconds: number }
   };

export type MembershipQueryVariables = Exact<{ [key: string]: never; }>;


export type MembershipQuery = { __typename: 'Query', membership: (
    { __typename: 'Membership' }
    & { ' $fragmentRefs'?: { 'MembershipFieldsFragment': MembershipFieldsFragment } }
  ), me: { __typename: 'Viewer', reissueEmail: { __typename: 'ReissueEmailStatus', email: string | null, pendingEmail: string | null } | null } | null, billing: { __typename: 'Billing', notificationEmail: { __typename: 'BillingNotificationEmailStatus', email: string | null, pendingEmail: string | null } | null, history: Array<{ __typename: 'Invoice', billingMonth: string }> } };

export type MembershipFieldsFragment = { __typename: 'Membership', customerNumber: string, holderName: string, postalAddress: string, registeredPhoneNumber: string, contactPhoneNumber: string | null, contactEmail: string | null } & { ' $fragmentName'?: 'MembershipFieldsFragment' };

export type UpdateContactDetailsMutationVariables = Exact<{
  input: UpdateContactDetailsInput;
}>;


export type UpdateContactDetailsMutation = { __typename: 'Mutation', updateContactDetails:
    | { __typename: 'ContactDetailsUpdated', membership: (
        { __typename: 'Membership' }
        & { ' $fragmentRefs'?: { 'MembershipFieldsFragment': MembershipFieldsFragment } }
      ) }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type ConfirmBillingNotificationEmailMutationVariables = Exact<{
  input: ConfirmBillingNotificationEmailInput;
}>;


export type ConfirmBillingNotificationEmailMutation = { __typename: 'Mutation', confirmBillingNotificationEmail:
    | { __typename: 'BillingNotificationEmailRegistered', email: string, emailType: BillingNotificationEmailType }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'InvalidOrExpiredToken', code: string, message: string }
   };

export type DeleteBillingNotificationEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteBillingNotificationEmailMutation = { __typename: 'Mutation', deleteBillingNotificationEmail: boolean };

export type RegisterBillingNotificationEmailMutationVariables = Exact<{
  input: RegisterBillingNotificationEmailInput;
}>;


export type RegisterBillingNotificationEmailMutation = { __typename: 'Mutation', registerBillingNotificationEmail:
    | { __typename: 'ConfirmationMailSent', email: string, expiresAt: string }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type NotificationEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationEmailQuery = { __typename: 'Query', billing: { __typename: 'Billing', notificationEmail: { __typename: 'BillingNotificationEmailStatus', email: string | null, emailType: BillingNotificationEmailType | null, pendingEmail: string | null, pendingEmailType: BillingNotificationEmailType | null, pendingExpiresAt: string | null } | null } };

export type OperatorFieldsFragment = { __typename: 'Operator', id: string, loginId: string, displayName: string, role: OperatorRole } & { ' $fragmentName'?: 'OperatorFieldsFragment' };

export type CurrentOperatorQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentOperatorQuery = { __typename: 'Query', currentOperator: (
    { __typename: 'Operator' }
    & { ' $fragmentRefs'?: { 'OperatorFieldsFragment': OperatorFieldsFragment } }
  ) | null };

export type OperatorLoginMutationVariables = Exact<{
  input: OperatorLoginInput;
}>;


export type OperatorLoginMutation = { __typename: 'Mutation', operatorLogin:
    | { __typename: 'AccountLocked', code: string, message: string }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'OperatorLoginSuccess', operator: (
        { __typename: 'Operator' }
        & { ' $fragmentRefs'?: { 'OperatorFieldsFragment': OperatorFieldsFragment } }
      ) }
    | { __typename: 'StepUpRequired', code: string, message: string, challenge: string, retryAfterSeconds: number }
   };

export type OperatorLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type OperatorLogoutMutation = { __typename: 'Mutation', operatorLogout: boolean };

export type OpsAccountStatusFragment = { __typename: 'AccountStatus', postcardPending: boolean, activated: boolean, locked: boolean, reissueBlocked: boolean } & { ' $fragmentName'?: 'OpsAccountStatusFragment' };

export type SearchAccountsQueryVariables = Exact<{
  query: string;
}>;


export type SearchAccountsQuery = { __typename: 'Query', searchAccounts: Array<{ __typename: 'AccountSummary', id: string, customerNumber: string, holderName: string, registeredPhoneNumber: string, loginId: string | null, status: (
      { __typename: 'AccountStatus' }
      & { ' $fragmentRefs'?: { 'OpsAccountStatusFragment': OpsAccountStatusFragment } }
    ) }> };

export type OpsPostcardFieldsFragment = { __typename: 'PostcardInfo', id: string, kind: PostcardKind, status: PostcardStatus, createdAt: string, mailedAt: string | null } & { ' $fragmentName'?: 'OpsPostcardFieldsFragment' };

export type OpsAuditEntryFieldsFragment = { __typename: 'AuditEntry', id: string, occurredAt: string, event: string, outcome: string, customerNumber: string | null, operatorLoginId: string | null, clientAddress: string | null, detail: string } & { ' $fragmentName'?: 'OpsAuditEntryFieldsFragment' };

export type OperatorAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type OperatorAccountQuery = { __typename: 'Query', operatorAccount: { __typename: 'OperatorAccountView', id: string, customerNumber: string, holderName: string, registeredPhoneNumber: string, loginId: string | null, postalAddress: string, reissueEmail: string | null, createdAt: string, lineTotalCount: number, contactEmail: string | null, status: (
      { __typename: 'AccountStatus' }
      & { ' $fragmentRefs'?: { 'OpsAccountStatusFragment': OpsAccountStatusFragment } }
    ), billingNotificationEmails: Array<{ __typename: 'MaskedEmail', email: string, emailType: string | null, status: string }>, lines: Array<{ __typename: 'AccountLine', lineNumber: string, carrierCode: string, carrierName: string, serviceName: string }>, postcards: Array<(
      { __typename: 'PostcardInfo' }
      & { ' $fragmentRefs'?: { 'OpsPostcardFieldsFragment': OpsPostcardFieldsFragment } }
    )>, recentEvents: Array<(
      { __typename: 'AuditEntry' }
      & { ' $fragmentRefs'?: { 'OpsAuditEntryFieldsFragment': OpsAuditEntryFieldsFragment } }
    )> } | null };

export type ProvisionAccountMutationVariables = Exact<{
  input: ProvisionAccountInput;
}>;


export type ProvisionAccountMutation = { __typename: 'Mutation', provisionAccount:
    | { __typename: 'AccountProvisioned', account: { __typename: 'AccountSummary', id: string, customerNumber: string, holderName: string }, postcard: (
        { __typename: 'PostcardInfo' }
        & { ' $fragmentRefs'?: { 'OpsPostcardFieldsFragment': OpsPostcardFieldsFragment } }
      ) }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type ReissueCredentialsByPostcardMutationVariables = Exact<{
  input: ReissueCredentialsByPostcardInput;
}>;


export type ReissueCredentialsByPostcardMutation = { __typename: 'Mutation', reissueCredentialsByPostcard:
    | { __typename: 'AccountNotFound', code: string, message: string }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'PostcardQueued', postcard: (
        { __typename: 'PostcardInfo' }
        & { ' $fragmentRefs'?: { 'OpsPostcardFieldsFragment': OpsPostcardFieldsFragment } }
      ) }
   };

export type UnlockAccountMutationVariables = Exact<{
  input: UnlockAccountInput;
}>;


export type UnlockAccountMutation = { __typename: 'Mutation', unlockAccount:
    | { __typename: 'AccountNotFound', code: string, message: string }
    | { __typename: 'AccountUnlocked', account: { __typename: 'AccountSummary', id: string } }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'NotLocked', code: string, message: string }
   };

export type LiftReissueBlockMutationVariables = Exact<{
  input: LiftReissueBlockInput;
}>;


export type LiftReissueBlockMutation = { __typename: 'Mutation', liftReissueBlock:
    | { __typename: 'AccountNotFound', code: string, message: string }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'NotBlocked', code: string, message: string }
    | { __typename: 'ReissueBlockLifted', account: { __typename: 'AccountSummary', id: string } }
   };

export type PostcardQueueQueryVariables = Exact<{
  status?: PostcardStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PostcardQueueQuery = { __typename: 'Query', postcards: { __typename: 'PostcardPage', totalCount: number, nextCursor: string | null, postcards: Array<(
      { __typename: 'PostcardInfo', holderName: string, postalAddress: string, customerNumber: string }
      & { ' $fragmentRefs'?: { 'OpsPostcardFieldsFragment': OpsPostcardFieldsFragment } }
    )> } };

export type MarkPostcardsMailedMutationVariables = Exact<{
  input: MarkPostcardsMailedInput;
}>;


export type MarkPostcardsMailedMutation = { __typename: 'Mutation', markPostcardsMailed:
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'PostcardsMarkedMailed', count: number }
   };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { __typename: 'Query', auditEvents: { __typename: 'AuditPage', nextCursor: string | null, events: Array<(
      { __typename: 'AuditEntry' }
      & { ' $fragmentRefs'?: { 'OpsAuditEntryFieldsFragment': OpsAuditEntryFieldsFragment } }
    )> } };

export type OpsAdminOperatorFieldsFragment = { __typename: 'OperatorListing', id: string, loginId: string, displayName: string, role: OperatorRole, lockedAt: string | null, createdAt: string } & { ' $fragmentName'?: 'OpsAdminOperatorFieldsFragment' };

export type OpsAdminApiKeyFieldsFragment = { __typename: 'ApiKeyInfo', id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } & { ' $fragmentName'?: 'OpsAdminApiKeyFieldsFragment' };

export type AdminListsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminListsQuery = { __typename: 'Query', operators: Array<(
    { __typename: 'OperatorListing' }
    & { ' $fragmentRefs'?: { 'OpsAdminOperatorFieldsFragment': OpsAdminOperatorFieldsFragment } }
  )>, apiKeys: Array<(
    { __typename: 'ApiKeyInfo' }
    & { ' $fragmentRefs'?: { 'OpsAdminApiKeyFieldsFragment': OpsAdminApiKeyFieldsFragment } }
  )> };

export type UnlockOperatorMutationVariables = Exact<{
  input: UnlockOperatorInput;
}>;


export type UnlockOperatorMutation = { __typename: 'Mutation', unlockOperator:
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'OperatorNotLocked', code: string, message: string }
    | { __typename: 'OperatorUnlocked', operator: (
        { __typename: 'OperatorListing' }
        & { ' $fragmentRefs'?: { 'OpsAdminOperatorFieldsFragment': OpsAdminOperatorFieldsFragment } }
      ) }
   };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { __typename: 'Mutation', revokeApiKey:
    | { __typename: 'ApiKeyNotFound', code: string, message: string }
    | { __typename: 'ApiKeyRevoked', apiKey: (
        { __typename: 'ApiKeyInfo' }
        & { ' $fragmentRefs'?: { 'OpsAdminApiKeyFieldsFragment': OpsAdminApiKeyFieldsFragment } }
      ) }
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type UndeliveredMailsQueryVariables = Exact<{ [key: string]: never; }>;


export type UndeliveredMailsQuery = { __typename: 'Query', undeliveredMails: Array<{ __typename: 'UndeliveredMail', id: string, recipient: string, template: string, attempts: number, lastError: string | null, failedAt: string | null, resendable: boolean, customerNumber: string | null, accountId: string | null }> };

export type ResendMailMutationVariables = Exact<{
  input: ResendMailInput;
}>;


export type ResendMailMutation = { __typename: 'Mutation', resendMail:
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'MailNotFound', code: string, message: string }
    | { __typename: 'MailNotResendable', code: string, message: string }
    | { __typename: 'MailQueued', mail: { __typename: 'UndeliveredMail', id: string } }
   };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { __typename: 'Mutation', changePassword:
    | { __typename: 'CredentialsChanged', viewer: (
        { __typename: 'Viewer' }
        & { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } }
      ) }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type PayInvoiceQueryVariables = Exact<{
  billingMonth: string;
}>;


export type PayInvoiceQuery = { __typename: 'Query', billing: { __typename: 'Billing', invoice:
      | (
        { __typename: 'Invoice', receipt: (
          { __typename: 'Receipt' }
          & { ' $fragmentRefs'?: { 'ReceiptFieldsFragment': ReceiptFieldsFragment } }
        ) | null, payEasySlip: (
          { __typename: 'PayEasySlip' }
          & { ' $fragmentRefs'?: { 'PayEasySlipFieldsFragment': PayEasySlipFieldsFragment } }
        ) | null }
        & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
      )
      | { __typename: 'InvoiceNotFound', code: string, message: string }
      | { __typename: 'MonthOutOfRange', code: string, message: string }
     } };

export type PayEasySlipFieldsFragment = { __typename: 'PayEasySlip', billingMonth: string, collectionAgencyNumber: string, customerNumber: string, confirmationNumber: string, amount: number, expiresOn: string, instructions: Array<string> } & { ' $fragmentName'?: 'PayEasySlipFieldsFragment' };

export type PayInvoiceByCardMutationVariables = Exact<{
  input: PayInvoiceByCardInput;
}>;


export type PayInvoiceByCardMutation = { __typename: 'Mutation', payInvoiceByCard:
    | (
      { __typename: 'FieldErrors', code: string, message: string }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'InvoiceAlreadyPaid', code: string, message: string }
    | { __typename: 'InvoiceNotFound', code: string, message: string }
    | { __typename: 'InvoiceNotPayable', code: string, message: string }
    | { __typename: 'PaymentDeclined', code: string, message: string }
    | { __typename: 'PaymentFailed', code: string, message: string }
    | { __typename: 'PaymentSucceeded', invoice: (
        { __typename: 'Invoice', receipt: (
          { __typename: 'Receipt' }
          & { ' $fragmentRefs'?: { 'ReceiptFieldsFragment': ReceiptFieldsFragment } }
        ) | null, payEasySlip: (
          { __typename: 'PayEasySlip' }
          & { ' $fragmentRefs'?: { 'PayEasySlipFieldsFragment': PayEasySlipFieldsFragment } }
        ) | null }
        & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
      ) }
   };

export type IssuePayEasySlipMutationVariables = Exact<{
  input: IssuePayEasySlipInput;
}>;


export type IssuePayEasySlipMutation = { __typename: 'Mutation', issuePayEasySlip:
    | { __typename: 'InvoiceAlreadyPaid', code: string, message: string }
    | { __typename: 'InvoiceNotFound', code: string, message: string }
    | { __typename: 'InvoiceNotPayable', code: string, message: string }
    | (
      { __typename: 'PayEasySlip' }
      & { ' $fragmentRefs'?: { 'PayEasySlipFieldsFragment': PayEasySlipFieldsFragment } }
    )
   };

export type ReceiptFieldsFragment = { __typename: 'Receipt', id: string, method: PaymentMethod, amount: number, paidAt: string, cardBrand: CardBrand | null, cardLast4: string | null, reference: string | null } & { ' $fragmentName'?: 'ReceiptFieldsFragment' };

export type ConfirmReissueEmailMutationVariables = Exact<{
  input: ConfirmReissueEmailInput;
}>;


export type ConfirmReissueEmailMutation = { __typename: 'Mutation', confirmReissueEmail:
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
    | { __typename: 'InvalidOrExpiredToken', code: string, message: string }
    | { __typename: 'ReissueEmailRegistered', email: string }
   };

export type RegisterReissueEmailMutationVariables = Exact<{
  input: RegisterReissueEmailInput;
}>;


export type RegisterReissueEmailMutation = { __typename: 'Mutation', registerReissueEmail:
    | { __typename: 'ConfirmationMailSent', email: string, expiresAt: string }
    | (
      { __typename: 'FieldErrors' }
      & { ' $fragmentRefs'?: { 'FieldErrorsFieldsFragment': FieldErrorsFieldsFragment } }
    )
   };

export type DeleteReissueEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteReissueEmailMutation = { __typename: 'Mutation', deleteReissueEmail: boolean };

export type ReissueEmailStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ReissueEmailStatusQuery = { __typename: 'Query', me: { __typename: 'Viewer', reissueEmail: { __typename: 'ReissueEmailStatus', email: string | null, pendingEmail: string | null, pendingExpiresAt: string | null, secretQuestion: { __typename: 'SecretQuestion', id: string, text: string } | null } | null } | null, myUndeliveredMails: Array<{ __typename: 'UndeliveredMailNotice', template: string, recipient: string, failedAt: string | null }> };

export type TopBillingQueryVariables = Exact<{ [key: string]: never; }>;


export type TopBillingQuery = { __typename: 'Query', billing: { __typename: 'Billing', latestInvoice: (
      { __typename: 'Invoice' }
      & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
    ) | null, recentInvoices: Array<(
      { __typename: 'Invoice' }
      & { ' $fragmentRefs'?: { 'InvoiceCardFieldsFragment': InvoiceCardFieldsFragment } }
    )> } };

export const InvoiceCardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"billingMonth"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"billingAmount"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"detailsAvailable"}}]}}]} as unknown as DocumentNode<InvoiceCardFieldsFragment, unknown>;
export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loginId"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAction"}},{"kind":"Field","name":{"kind":"Name","value":"customerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"registeredPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const FieldErrorsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FieldErrorsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FieldErrors"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<FieldErrorsFieldsFragment, unknown>;
export const MembershipFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembershipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Membership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"postalAddress"}},{"kind":"Field","name":{"kind":"Name","value":"registeredPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}}]}}]} as unknown as DocumentNode<MembershipFieldsFragment, unknown>;
export const OperatorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperatorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Operator"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"loginId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]} as unknown as DocumentNode<OperatorFieldsFragment, unknown>;
export const OpsAccountStatusFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpsAccountStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"postcardPending"}},{"kind":"Field","name":{"kind":"Name","value":"activated"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"reissueBlocked"}}]}}]} as unknown as DocumentNode<OpsAccountStatusFragment, unknown>;
export const OpsPostcardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpsPostcardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PostcardInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"mailedAt"}}]}}]} as unknown as DocumentNode<OpsPostcardFieldsFragment, unknown>;
export const OpsAuditEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpsAuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"customerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"operatorLoginId"}},{"kind":"Field","name":{"kind":"Name","value":"clientAddress"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<OpsAuditEntryFieldsFragment, unknown>;
export const OpsAdminOperatorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpsAdminOperatorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OperatorListing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"loginId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OpsAdminOperatorFieldsFragment, unknown>;
export const OpsAdminApiKeyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpsAdminApiKeyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<OpsAdminApiKeyFieldsFragment, unknown>;
export const PayEasySlipFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayEasySlipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayEasySlip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"billingMonth"}},{"kind":"Field","name":{"kind":"Name","value":"collectionAgencyNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customerNumber"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"instructions"}}]}}]} as unknown as DocumentNode<PayEasySlipFieldsFragment, unknown>;
export const ReceiptFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceiptFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Receipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"cardBrand"}},{"kind":"Field","name":{"kind":"Name","value":"cardLast4"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]} as unknown as DocumentNode<ReceiptFieldsFragment, unknown>;
export const SecretQuestionsDocument = {"__meta__":{"hash":"60319aeba34071d171b849014a6383c64e92cd0b552d974ccff3fc054aab9e1d"}} as unknown as DocumentNode<SecretQuestionsQuery, SecretQuestionsQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"10b76bf7f39b77113a0b2425baada6a4a70bfcdf8472e8a2fd9cc7925d58d09d"}} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const LogoutDocument = {"__meta__":{"hash":"64c61094b1bd99d0f1726da3b92a011b02483334b394b4890c7a449f152dd4bc"}} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ExtendSessionDocument = {"__meta__":{"hash":"ac3cdd83923f0831bfba7b5a0b2fa9ad31335643b6d0befe1eab636574506915"}} as unknown as DocumentNode<ExtendSessionMutation, ExtendSessionMutationVariables>;
export const RecentInvoicesDocument = {"__meta__":{"hash":"4900764ba6e097451a9c9b494ca5bbb28660538d48596c3f9d1658154207409e"}} as unknown as DocumentNode<RecentInvoicesQuery, RecentInvoicesQueryVariables>;
export const BreakdownDocument = {"__meta__":{"hash":"ee81901050d1127109250cb1ad25091621433d52e9e0b6fa2f75080e57b8a3bf"}} as unknown as DocumentNode<BreakdownQuery, BreakdownQueryVariables>;
export const BreakdownPickerDocument = {"__meta__":{"hash":"b9f0320ab04e1b680c55d0dc797199381f018ba95eeba840818451cb2c83a49d"}} as unknown as DocumentNode<BreakdownPickerQuery, BreakdownPickerQueryVariables>;
export const BillingHistoryDocument = {"__meta__":{"hash":"c838a4540575417efb92987ed621c6b1c6c9eea399e04638b730d3c9fd26869a"}} as unknown as DocumentNode<BillingHistoryQuery, BillingHistoryQueryVariables>;
export const InvoiceSummaryDocument = {"__meta__":{"hash":"37ba28ef6770611978751216ae2a121bec9ccc59742b72108c2ba8a3ec6dd1d0"}} as unknown as DocumentNode<InvoiceSummaryQuery, InvoiceSummaryQueryVariables>;
export const LineChargesDocument = {"__meta__":{"hash":"df3d3c07b179311e31ef102729100b811e1750b77c654d658a80917ffc7e0120"}} as unknown as DocumentNode<LineChargesQuery, LineChargesQueryVariables>;
export const ChangeInitialCredentialsDocument = {"__meta__":{"hash":"94cb74fab75a93380f34ce05f10d21d9e990faf8227faae4f598b9332ce1afe9"}} as unknown as DocumentNode<ChangeInitialCredentialsMutation, ChangeInitialCredentialsMutationVariables>;
export const RequestPasswordReissueDocument = {"__meta__":{"hash":"217c612dfe191941f287bdca055ca4ea5c340cc2c097ccd76f984186b6f9641c"}} as unknown as DocumentNode<RequestPasswordReissueMutation, RequestPasswordReissueMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"3598045e02357d764e5b12736186c290c58546fa946626f5b954eba5965a3ad3"}} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MembershipDocument = {"__meta__":{"hash":"4d9f13347406015d702257235ead71536f83c4c60acd818b5f80d2539b2115e9"}} as unknown as DocumentNode<MembershipQuery, MembershipQueryVariables>;
export const UpdateContactDetailsDocument = {"__meta__":{"hash":"fa9ffdf9d395adac1ced7799bd910c4236f293a050d4e8db018af91d45bdc856"}} as unknown as DocumentNode<UpdateContactDetailsMutation, UpdateContactDetailsMutationVariables>;
export const ConfirmBillingNotificationEmailDocument = {"__meta__":{"hash":"7af72c418329b66808598fbbe358933c88f3d0230cb7765e58971dbb4996e6c3"}} as unknown as DocumentNode<ConfirmBillingNotificationEmailMutation, ConfirmBillingNotificationEmailMutationVariables>;
export const DeleteBillingNotificationEmailDocument = {"__meta__":{"hash":"50be453e19cf87f1cac165681279c3f134d9e5c737f380921acd1e469bfa1e6a"}} as unknown as DocumentNode<DeleteBillingNotificationEmailMutation, DeleteBillingNotificationEmailMutationVariables>;
export const RegisterBillingNotificationEmailDocument = {"__meta__":{"hash":"5e80295ff3deeb1771b7dfcd68b68e95a93dfd666e6be4d9abbec381ed723b1e"}} as unknown as DocumentNode<RegisterBillingNotificationEmailMutation, RegisterBillingNotificationEmailMutationVariables>;
export const NotificationEmailDocument = {"__meta__":{"hash":"156c0a0d2f4a6490e460d703e3d0ea34c95dc00bb267bf9c1590ac4c976cbb40"}} as unknown as DocumentNode<NotificationEmailQuery, NotificationEmailQueryVariables>;
export const CurrentOperatorDocument = {"__meta__":{"hash":"0ec81b97a40c40d6cc5f5c4509c38e4b0cc5806fcf4e337919e1b2cf9693fd45"}} as unknown as DocumentNode<CurrentOperatorQuery, CurrentOperatorQueryVariables>;
export const OperatorLoginDocument = {"__meta__":{"hash":"463fc4ae36864edd1ae207aefeeb925a2f6180ef1892d3e98c8239acb7e2e771"}} as unknown as DocumentNode<OperatorLoginMutation, OperatorLoginMutationVariables>;
export const OperatorLogoutDocument = {"__meta__":{"hash":"b11867b430a15fefbd1625bf3531a3c61503bb82e4847b6b324bf852d13152fd"}} as unknown as DocumentNode<OperatorLogoutMutation, OperatorLogoutMutationVariables>;
export const SearchAccountsDocument = {"__meta__":{"hash":"e63f5b541523401382a968bb9b85b860c61ed6fa46c7883e7863ce836c1fbe10"}} as unknown as DocumentNode<SearchAccountsQuery, SearchAccountsQueryVariables>;
export const OperatorAccountDocument = {"__meta__":{"hash":"b260590ad030db8f6c4eff292c1a884f2baf1817fc0814475705d623821c0a60"}} as unknown as DocumentNode<OperatorAccountQuery, OperatorAccountQueryVariables>;
export const ProvisionAccountDocument = {"__meta__":{"hash":"bd6fbfd384367e9a2990af77f15a8f2fd5c0e4e626749e253fd7519daa0f1057"}} as unknown as DocumentNode<ProvisionAccountMutation, ProvisionAccountMutationVariables>;
export const ReissueCredentialsByPostcardDocument = {"__meta__":{"hash":"2ea2fdda4705aa640697a43b77ee58b996674b67d7ea35d634a96d1e5df5823a"}} as unknown as DocumentNode<ReissueCredentialsByPostcardMutation, ReissueCredentialsByPostcardMutationVariables>;
export const UnlockAccountDocument = {"__meta__":{"hash":"99456ad57a2d4de352cdd50cde19cf605a0497141060f93d31bc97a1bb0120de"}} as unknown as DocumentNode<UnlockAccountMutation, UnlockAccountMutationVariables>;
export const LiftReissueBlockDocument = {"__meta__":{"hash":"63cf8689a4fe009cfee46b8d7eb090b3d13251abcc8814e46793246a1b18d352"}} as unknown as DocumentNode<LiftReissueBlockMutation, LiftReissueBlockMutationVariables>;
export const PostcardQueueDocument = {"__meta__":{"hash":"5e60a4c073bc334457e6ade7f1a8f454a32d783fe11a9eff832df053b27a1e4b"}} as unknown as DocumentNode<PostcardQueueQuery, PostcardQueueQueryVariables>;
export const MarkPostcardsMailedDocument = {"__meta__":{"hash":"ee9ad0961a4441a9e4adce4d5a6b330cf27cc011c3ee3df14b00b8dbff8456ad"}} as unknown as DocumentNode<MarkPostcardsMailedMutation, MarkPostcardsMailedMutationVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"479ee3d94838fcf1d4776f7524d9d1265321af0214fdeedaf575f1a4993024c6"}} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AdminListsDocument = {"__meta__":{"hash":"27e695409c3645527b435d4623ff345fe39b905e21d2f67ad5f5d7c84afc34a7"}} as unknown as DocumentNode<AdminListsQuery, AdminListsQueryVariables>;
export const UnlockOperatorDocument = {"__meta__":{"hash":"138640334b986a1eaecce51bf3d2601ad1a8064e3c37e2e93f614c9cb93216a4"}} as unknown as DocumentNode<UnlockOperatorMutation, UnlockOperatorMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"dc3a6b72cefaed16c70febab0bd6003b86f1571db5f258e9da4285160869766b"}} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const UndeliveredMailsDocument = {"__meta__":{"hash":"09826038e69acbb76074510e78b3517639ae1d03475cfec83853ecb36e00765c"}} as unknown as DocumentNode<UndeliveredMailsQuery, UndeliveredMailsQueryVariables>;
export const ResendMailDocument = {"__meta__":{"hash":"b0d9db2110228c97db6a494b8352a964d8027f7f53edebcbe4caf5944d43e77a"}} as unknown as DocumentNode<ResendMailMutation, ResendMailMutationVariables>;
export const ChangePasswordDocument = {"__meta__":{"hash":"72036dd24bcce0c4ae90e267481da26165f39fddfc61a7b009b1108ce1801e88"}} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const PayInvoiceDocument = {"__meta__":{"hash":"351dfef3b42c59ffd309f37c83c20f9db073db9634aef175dda5c6cd3b1ece04"}} as unknown as DocumentNode<PayInvoiceQuery, PayInvoiceQueryVariables>;
export const PayInvoiceByCardDocument = {"__meta__":{"hash":"3c805f46b531871ef2d8646b42a5f6e1346f0beb5085b12b6f9ed7dc36cc74d3"}} as unknown as DocumentNode<PayInvoiceByCardMutation, PayInvoiceByCardMutationVariables>;
export const IssuePayEasySlipDocument = {"__meta__":{"hash":"ba6aa62f96fb1ed9d863d789f43f339297bb43a8aa247fabad368a5b4e252cfd"}} as unknown as DocumentNode<IssuePayEasySlipMutation, IssuePayEasySlipMutationVariables>;
export const ConfirmReissueEmailDocument = {"__meta__":{"hash":"28ae2b36c21517916b1f389b0e5bb2ea28790f64ee3f1dd2980aafc03409f251"}} as unknown as DocumentNode<ConfirmReissueEmailMutation, ConfirmReissueEmailMutationVariables>;
export const RegisterReissueEmailDocument = {"__meta__":{"hash":"4490509728445028d0f3b87a0b0509ee57a033b1b6306ad6951ff961c65c93bf"}} as unknown as DocumentNode<RegisterReissueEmailMutation, RegisterReissueEmailMutationVariables>;
export const DeleteReissueEmailDocument = {"__meta__":{"hash":"7a742d7c9b691cec22b6c6af52f5f4f4313cbdeae47ae98acbf129b8c9b42851"}} as unknown as DocumentNode<DeleteReissueEmailMutation, DeleteReissueEmailMutationVariables>;
export const ReissueEmailStatusDocument = {"__meta__":{"hash":"5d596727eaef314e70d8be812b415f5979585a4989aec44b2903b4afb2a50a4e"}} as unknown as DocumentNode<ReissueEmailStatusQuery, ReissueEmailStatusQueryVariables>;
export const TopBillingDocument = {"__meta__":{"hash":"8c7031692b23374a5c3c54b517fcd3ddd6fa4a10a3083d8087ae1e02627e521d"}} as unknown as DocumentNode<TopBillingQuery, TopBillingQueryVariables>;