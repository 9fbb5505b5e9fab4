
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "UserError": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "ChangeCredentialsResult": [
      "CredentialsChanged",
      "FieldErrors"
    ],
    "LoginResult": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials",
      "LoginSuccess"
    ],
    "UserError": [
      "AccountLocked",
      "CredentialsExpired",
      "FieldErrors",
      "InvalidCredentials"
    ]
  }
};
      export default result;
    