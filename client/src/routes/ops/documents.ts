// GraphQL documents of the operator console. They are generated into ./gql (a separate codegen
// output, see codegen.yml), so they live only in this lazy chunk.
import { graphql } from './gql';

export const OperatorFieldsFragment = graphql(`
  fragment OperatorFields on Operator {
    id
    loginId
    displayName
    role
  }
`);

export const OpsFieldErrorsFragment = graphql(`
  fragment OpsFieldErrors on FieldErrors {
    code
    message
    errors {
      field
      code
      message
    }
  }
`);

export const CurrentOperatorQuery = graphql(`
  query CurrentOperator {
    currentOperator {
      ...OperatorFields
    }
  }
`);

export const OperatorLoginMutation = graphql(`
  mutation OperatorLogin($input: OperatorLoginInput!) {
    operatorLogin(input: $input) {
      __typename
      ... on OperatorLoginSuccess {
        operator {
          ...OperatorFields
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const OperatorLogoutMutation = graphql(`
  mutation OperatorLogout {
    operatorLogout
  }
`);

export const AccountStatusFragment = graphql(`
  fragment OpsAccountStatus on AccountStatus {
    postcardPending
    activated
    locked
    reissueBlocked
  }
`);

export const SearchAccountsQuery = graphql(`
  query SearchAccounts($query: String!) {
    searchAccounts(query: $query) {
      id
      customerNumber
      holderName
      registeredPhoneNumber
      loginId
      status {
        ...OpsAccountStatus
      }
    }
  }
`);

export const PostcardFieldsFragment = graphql(`
  fragment OpsPostcardFields on PostcardInfo {
    id
    kind
    status
    createdAt
    mailedAt
  }
`);

export const AuditEntryFieldsFragment = graphql(`
  fragment OpsAuditEntryFields on AuditEntry {
    id
    occurredAt
    event
    outcome
    customerNumber
    operatorLoginId
    clientAddress
    detail
  }
`);

export const OperatorAccountQuery = graphql(`
  query OperatorAccount($id: ID!) {
    operatorAccount(id: $id) {
      id
      customerNumber
      holderName
      registeredPhoneNumber
      loginId
      postalAddress
      reissueEmail
      status {
        ...OpsAccountStatus
      }
      createdAt
      lineTotalCount
      contactEmail
      billingNotificationEmails {
        email
        emailType
        status
      }
      lines {
        lineNumber
        carrierCode
        carrierName
        serviceName
      }
      postcards {
        ...OpsPostcardFields
      }
      recentEvents {
        ...OpsAuditEntryFields
      }
    }
  }
`);

export const ProvisionAccountMutation = graphql(`
  mutation ProvisionAccount($input: ProvisionAccountInput!) {
    provisionAccount(input: $input) {
      __typename
      ... on AccountProvisioned {
        account {
          id
          customerNumber
          holderName
        }
        postcard {
          ...OpsPostcardFields
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const ReissueByPostcardMutation = graphql(`
  mutation ReissueCredentialsByPostcard($input: ReissueCredentialsByPostcardInput!) {
    reissueCredentialsByPostcard(input: $input) {
      __typename
      ... on PostcardQueued {
        postcard {
          ...OpsPostcardFields
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const UnlockAccountMutation = graphql(`
  mutation UnlockAccount($input: UnlockAccountInput!) {
    unlockAccount(input: $input) {
      __typename
      ... on AccountUnlocked {
        account {
          id
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const LiftReissueBlockMutation = graphql(`
  mutation LiftReissueBlock($input: LiftReissueBlockInput!) {
    liftReissueBlock(input: $input) {
      __typename
      ... on ReissueBlockLifted {
        account {
          id
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const PostcardQueueQuery = graphql(`
  query PostcardQueue($status: PostcardStatus, $first: Int, $after: String) {
    postcards(status: $status, first: $first, after: $after) {
      totalCount
      nextCursor
      postcards {
        ...OpsPostcardFields
        holderName
        postalAddress
        customerNumber
      }
    }
  }
`);

export const MarkPostcardsMailedMutation = graphql(`
  mutation MarkPostcardsMailed($input: MarkPostcardsMailedInput!) {
    markPostcardsMailed(input: $input) {
      __typename
      ... on PostcardsMarkedMailed {
        count
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nextCursor
      events {
        ...OpsAuditEntryFields
      }
    }
  }
`);

export const AdminOperatorFieldsFragment = graphql(`
  fragment OpsAdminOperatorFields on OperatorListing {
    id
    loginId
    displayName
    role
    lockedAt
    createdAt
  }
`);

export const AdminApiKeyFieldsFragment = graphql(`
  fragment OpsAdminApiKeyFields on ApiKeyInfo {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** Admins only (FORBIDDEN otherwise): the operators and the integrators' API keys. */
export const AdminListsQuery = graphql(`
  query AdminLists {
    operators {
      ...OpsAdminOperatorFields
    }
    apiKeys {
      ...OpsAdminApiKeyFields
    }
  }
`);

export const UnlockOperatorMutation = graphql(`
  mutation UnlockOperator($input: UnlockOperatorInput!) {
    unlockOperator(input: $input) {
      __typename
      ... on OperatorUnlocked {
        operator {
          ...OpsAdminOperatorFields
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on ApiKeyRevoked {
        apiKey {
          ...OpsAdminApiKeyFields
        }
      }
      ... on UserError {
        code
        message
      }
      ...OpsFieldErrors
    }
  }
`);
