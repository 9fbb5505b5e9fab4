
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
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "InvoiceResult": [
      "Invoice",
      "InvoiceNotFound",
      "MonthOutOfRange"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "RegisterBillingNotificationEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested"
    ],
    "UpdateContactDetailsResult": [
      "ContactDetailsUpdated",
      "FieldErrors"
    ],
    "UserError": [
      "AccountLocked",
      "CarrierNotFound",
      "CredentialsExpired",
      "DetailsNotRetained",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken",
      "InvoiceNotFound",
      "LineNotFound",
      "MonthOutOfRange"
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
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "InvoiceResult": [
      "Invoice",
      "InvoiceNotFound",
      "MonthOutOfRange"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "RegisterBillingNotificationEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested"
    ],
    "UpdateContactDetailsResult": [
      "ContactDetailsUpdated",
      "FieldErrors"
    ],
    "UserError": [
      "AccountLocked",
      "CarrierNotFound",
      "CredentialsExpired",
      "DetailsNotRetained",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken",
      "InvoiceNotFound",
      "LineNotFound",
      "MonthOutOfRange"
    ]
  }
};
      export default result;
    