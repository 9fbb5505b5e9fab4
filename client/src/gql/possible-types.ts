
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested"
    ],
    "UserError": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "ConfirmReissueEmailResult": [
      "FieldErrors",
      "InvalidOrExpiredToken",
      "ReissueEmailRegistered"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "RegisterReissueEmailResult": [
      "ConfirmationMailSent",
      "FieldErrors"
    ],
    "RequestPasswordReissueResult": [
      "FieldErrors",
      "ReissueRequested"
    ],
    "UserError": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "InvalidOrExpiredToken"
    ]
  }
};
      export default result;
    