
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "BreakdownResult": [
      "Breakdown",
      "CarrierNotFound",
      "DetailsNotRetained",
      "InvoiceNotFound",
      "LineNotFound",
      "MonthOutOfRange"
    ],
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "ConfirmBillingNotificationEmailResult": [
      "BillingNotificationEmailRegistered",
      "FieldErrors",
      "InvalidOrExpiredToken"
    ],
    "ConfirmInvoiceResult": [
      "FieldErrors",
      "InvoiceConfirmed",
      "InvoiceNotFound",
      "MonthOutOfRange",
      "UnknownCustomerNumber"
    ],
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "ExtendSessionResult": [
      "SessionExtended",
      "SessionLimitReached"
    ],
    "InvoiceResult": [
      "Invoice",
      "InvoiceNotFound",
      "MonthOutOfRange"
    ],
    "InvoicesByCustomerNumberResult": [
      "CustomerInvoices",
      "UnknownCustomerNumber"
    ],
    "IssuePayEasySlipResult": [
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PayEasySlip"
    ],
    "LiftReissueBlockResult": [
      "AccountNotFound",
      "FieldErrors",
      "NotBlocked",
      "ReissueBlockLifted"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess",
      "StepUpRequired"
    ],
    "MarkPostcardsMailedResult": [
      "FieldErrors",
      "PostcardsMarkedMailed"
    ],
    "OperatorLoginResult": [
      "AccountLocked",
      "FieldErrors",
      "InvalidCredentials",
      "OperatorLoginSuccess",
      "StepUpRequired"
    ],
    "PayInvoiceByCardResult": [
      "FieldErrors",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PaymentDeclined",
      "PaymentFailed",
      "PaymentSucceeded"
    ],
    "ProvisionAccountResult": [
      "AccountProvisioned",
      "FieldErrors"
    ],
    "RecordPaymentResult": [
      "AmountMismatch",
      "FieldErrors",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PaymentRecorded",
      "UnknownCustomerNumber"
    ],
    "RegisterBillingNotificationEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "ReissueCredentialsByPostcardResult": [
      "AccountNotFound",
      "FieldErrors",
      "PostcardQueued"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested",
      "StepUpRequired"
    ],
    "ResendMailResult": [
      "FieldErrors",
      "MailNotFound",
      "MailNotResendable",
      "MailQueued"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyNotFound",
      "ApiKeyRevoked",
      "FieldErrors"
    ],
    "UnlockAccountResult": [
      "AccountNotFound",
      "AccountUnlocked",
      "FieldErrors",
      "NotLocked"
    ],
    "UnlockOperatorResult": [
      "FieldErrors",
      "OperatorNotLocked",
      "OperatorUnlocked"
    ],
    "UpdateContactDetailsResult": [
      "ContactDetailsUpdated",
      "FieldErrors"
    ],
    "UpsertCarrierChargesResult": [
      "CarrierChargesUpserted",
      "CarrierNotFound",
      "FieldErrors",
      "InvoiceAlreadyConfirmed",
      "LinesNotOnAccount",
      "MonthOutOfRange",
      "UnknownCustomerNumber"
    ],
    "UserError": [
      "AccountLocked",
      "AccountNotFound",
      "AmountMismatch",
      "ApiKeyNotFound",
      "CarrierNotFound",
      "CredentialsExpired",
      "DetailsNotRetained",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken",
      "InvoiceAlreadyConfirmed",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "LineNotFound",
      "LinesNotOnAccount",
      "MailNotFound",
      "MailNotResendable",
      "MonthOutOfRange",
      "NotBlocked",
      "NotLocked",
      "OperatorNotLocked",
      "PaymentDeclined",
      "PaymentFailed",
      "SessionLimitReached",
      "StepUpRequired",
      "UnknownCustomerNumber"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "BreakdownResult": [
      "Breakdown",
      "CarrierNotFound",
      "DetailsNotRetained",
      "InvoiceNotFound",
      "LineNotFound",
      "MonthOutOfRange"
    ],
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "ConfirmBillingNotificationEmailResult": [
      "BillingNotificationEmailRegistered",
      "FieldErrors",
      "InvalidOrExpiredToken"
    ],
    "ConfirmInvoiceResult": [
      "FieldErrors",
      "InvoiceConfirmed",
      "InvoiceNotFound",
      "MonthOutOfRange",
      "UnknownCustomerNumber"
    ],
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "ExtendSessionResult": [
      "SessionExtended",
      "SessionLimitReached"
    ],
    "InvoiceResult": [
      "Invoice",
      "InvoiceNotFound",
      "MonthOutOfRange"
    ],
    "InvoicesByCustomerNumberResult": [
      "CustomerInvoices",
      "UnknownCustomerNumber"
    ],
    "IssuePayEasySlipResult": [
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PayEasySlip"
    ],
    "LiftReissueBlockResult": [
      "AccountNotFound",
      "FieldErrors",
      "NotBlocked",
      "ReissueBlockLifted"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess",
      "StepUpRequired"
    ],
    "MarkPostcardsMailedResult": [
      "FieldErrors",
      "PostcardsMarkedMailed"
    ],
    "OperatorLoginResult": [
      "AccountLocked",
      "FieldErrors",
      "InvalidCredentials",
      "OperatorLoginSuccess",
      "StepUpRequired"
    ],
    "PayInvoiceByCardResult": [
      "FieldErrors",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PaymentDeclined",
      "PaymentFailed",
      "PaymentSucceeded"
    ],
    "ProvisionAccountResult": [
      "AccountProvisioned",
      "FieldErrors"
    ],
    "RecordPaymentResult": [
      "AmountMismatch",
      "FieldErrors",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "PaymentRecorded",
      "UnknownCustomerNumber"
    ],
    "RegisterBillingNotificationEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "ReissueCredentialsByPostcardResult": [
      "AccountNotFound",
      "FieldErrors",
      "PostcardQueued"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested",
      "StepUpRequired"
    ],
    "ResendMailResult": [
      "FieldErrors",
      "MailNotFound",
      "MailNotResendable",
      "MailQueued"
    ],
    "RevokeApiKeyResult": [
      "ApiKeyNotFound",
      "ApiKeyRevoked",
      "FieldErrors"
    ],
    "UnlockAccountResult": [
      "AccountNotFound",
      "AccountUnlocked",
      "FieldErrors",
      "NotLocked"
    ],
    "UnlockOperatorResult": [
      "FieldErrors",
      "OperatorNotLocked",
      "OperatorUnlocked"
    ],
    "UpdateContactDetailsResult": [
      "ContactDetailsUpdated",
      "FieldErrors"
    ],
    "UpsertCarrierChargesResult": [
      "CarrierChargesUpserted",
      "CarrierNotFound",
      "FieldErrors",
      "InvoiceAlreadyConfirmed",
      "LinesNotOnAccount",
      "MonthOutOfRange",
      "UnknownCustomerNumber"
    ],
    "UserError": [
      "AccountLocked",
      "AccountNotFound",
      "AmountMismatch",
      "ApiKeyNotFound",
      "CarrierNotFound",
      "CredentialsExpired",
      "DetailsNotRetained",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken",
      "InvoiceAlreadyConfirmed",
      "InvoiceAlreadyPaid",
      "InvoiceNotFound",
      "InvoiceNotPayable",
      "LineNotFound",
      "LinesNotOnAccount",
      "MailNotFound",
      "MailNotResendable",
      "MonthOutOfRange",
      "NotBlocked",
      "NotLocked",
      "OperatorNotLocked",
      "PaymentDeclined",
      "PaymentFailed",
      "SessionLimitReached",
      "StepUpRequired",
      "UnknownCustomerNumber"
    ]
  }
};
      export default result;
    