/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment OperatorFields on Operator {\n    id\n    loginId\n    displayName\n    role\n  }\n": typeof types.OperatorFieldsFragmentDoc,
    "\n  fragment OpsFieldErrors on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": typeof types.OpsFieldErrorsFragmentDoc,
    "\n  query CurrentOperator {\n    currentOperator {\n      ...OperatorFields\n    }\n  }\n": typeof types.CurrentOperatorDocument,
    "\n  mutation OperatorLogin($input: OperatorLoginInput!) {\n    operatorLogin(input: $input) {\n      __typename\n      ... on OperatorLoginSuccess {\n        operator {\n          ...OperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.OperatorLoginDocument,
    "\n  mutation OperatorLogout {\n    operatorLogout\n  }\n": typeof types.OperatorLogoutDocument,
    "\n  fragment OpsAccountStatus on AccountStatus {\n    postcardPending\n    activated\n    locked\n    reissueBlocked\n  }\n": typeof types.OpsAccountStatusFragmentDoc,
    "\n  query SearchAccounts($query: String!) {\n    searchAccounts(query: $query) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      status {\n        ...OpsAccountStatus\n      }\n    }\n  }\n": typeof types.SearchAccountsDocument,
    "\n  fragment OpsPostcardFields on PostcardInfo {\n    id\n    kind\n    status\n    createdAt\n    mailedAt\n  }\n": typeof types.OpsPostcardFieldsFragmentDoc,
    "\n  fragment OpsAuditEntryFields on AuditEntry {\n    id\n    occurredAt\n    event\n    outcome\n    customerNumber\n    operatorLoginId\n    clientAddress\n    detail\n  }\n": typeof types.OpsAuditEntryFieldsFragmentDoc,
    "\n  query OperatorAccount($id: ID!) {\n    operatorAccount(id: $id) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      postalAddress\n      reissueEmail\n      status {\n        ...OpsAccountStatus\n      }\n      createdAt\n      lineTotalCount\n      contactEmail\n      billingNotificationEmails {\n        email\n        emailType\n        status\n      }\n      lines {\n        lineNumber\n        carrierCode\n        carrierName\n        serviceName\n      }\n      postcards {\n        ...OpsPostcardFields\n      }\n      recentEvents {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n": typeof types.OperatorAccountDocument,
    "\n  mutation ProvisionAccount($input: ProvisionAccountInput!) {\n    provisionAccount(input: $input) {\n      __typename\n      ... on AccountProvisioned {\n        account {\n          id\n          customerNumber\n          holderName\n        }\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.ProvisionAccountDocument,
    "\n  mutation ReissueCredentialsByPostcard($input: ReissueCredentialsByPostcardInput!) {\n    reissueCredentialsByPostcard(input: $input) {\n      __typename\n      ... on PostcardQueued {\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.ReissueCredentialsByPostcardDocument,
    "\n  mutation UnlockAccount($input: UnlockAccountInput!) {\n    unlockAccount(input: $input) {\n      __typename\n      ... on AccountUnlocked {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.UnlockAccountDocument,
    "\n  mutation LiftReissueBlock($input: LiftReissueBlockInput!) {\n    liftReissueBlock(input: $input) {\n      __typename\n      ... on ReissueBlockLifted {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.LiftReissueBlockDocument,
    "\n  query PostcardQueue($status: PostcardStatus, $first: Int, $after: String) {\n    postcards(status: $status, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      postcards {\n        ...OpsPostcardFields\n        holderName\n        postalAddress\n        customerNumber\n      }\n    }\n  }\n": typeof types.PostcardQueueDocument,
    "\n  mutation MarkPostcardsMailed($input: MarkPostcardsMailedInput!) {\n    markPostcardsMailed(input: $input) {\n      __typename\n      ... on PostcardsMarkedMailed {\n        count\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.MarkPostcardsMailedDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      events {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  fragment OpsAdminOperatorFields on OperatorListing {\n    id\n    loginId\n    displayName\n    role\n    lockedAt\n    createdAt\n  }\n": typeof types.OpsAdminOperatorFieldsFragmentDoc,
    "\n  fragment OpsAdminApiKeyFields on ApiKeyInfo {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.OpsAdminApiKeyFieldsFragmentDoc,
    "\n  query AdminLists {\n    operators {\n      ...OpsAdminOperatorFields\n    }\n    apiKeys {\n      ...OpsAdminApiKeyFields\n    }\n  }\n": typeof types.AdminListsDocument,
    "\n  mutation UnlockOperator($input: UnlockOperatorInput!) {\n    unlockOperator(input: $input) {\n      __typename\n      ... on OperatorUnlocked {\n        operator {\n          ...OpsAdminOperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.UnlockOperatorDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on ApiKeyRevoked {\n        apiKey {\n          ...OpsAdminApiKeyFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
};
const documents: Documents = {
    "\n  fragment OperatorFields on Operator {\n    id\n    loginId\n    displayName\n    role\n  }\n": types.OperatorFieldsFragmentDoc,
    "\n  fragment OpsFieldErrors on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": types.OpsFieldErrorsFragmentDoc,
    "\n  query CurrentOperator {\n    currentOperator {\n      ...OperatorFields\n    }\n  }\n": types.CurrentOperatorDocument,
    "\n  mutation OperatorLogin($input: OperatorLoginInput!) {\n    operatorLogin(input: $input) {\n      __typename\n      ... on OperatorLoginSuccess {\n        operator {\n          ...OperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.OperatorLoginDocument,
    "\n  mutation OperatorLogout {\n    operatorLogout\n  }\n": types.OperatorLogoutDocument,
    "\n  fragment OpsAccountStatus on AccountStatus {\n    postcardPending\n    activated\n    locked\n    reissueBlocked\n  }\n": types.OpsAccountStatusFragmentDoc,
    "\n  query SearchAccounts($query: String!) {\n    searchAccounts(query: $query) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      status {\n        ...OpsAccountStatus\n      }\n    }\n  }\n": types.SearchAccountsDocument,
    "\n  fragment OpsPostcardFields on PostcardInfo {\n    id\n    kind\n    status\n    createdAt\n    mailedAt\n  }\n": types.OpsPostcardFieldsFragmentDoc,
    "\n  fragment OpsAuditEntryFields on AuditEntry {\n    id\n    occurredAt\n    event\n    outcome\n    customerNumber\n    operatorLoginId\n    clientAddress\n    detail\n  }\n": types.OpsAuditEntryFieldsFragmentDoc,
    "\n  query OperatorAccount($id: ID!) {\n    operatorAccount(id: $id) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      postalAddress\n      reissueEmail\n      status {\n        ...OpsAccountStatus\n      }\n      createdAt\n      lineTotalCount\n      contactEmail\n      billingNotificationEmails {\n        email\n        emailType\n        status\n      }\n      lines {\n        lineNumber\n        carrierCode\n        carrierName\n        serviceName\n      }\n      postcards {\n        ...OpsPostcardFields\n      }\n      recentEvents {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n": types.OperatorAccountDocument,
    "\n  mutation ProvisionAccount($input: ProvisionAccountInput!) {\n    provisionAccount(input: $input) {\n      __typename\n      ... on AccountProvisioned {\n        account {\n          id\n          customerNumber\n          holderName\n        }\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.ProvisionAccountDocument,
    "\n  mutation ReissueCredentialsByPostcard($input: ReissueCredentialsByPostcardInput!) {\n    reissueCredentialsByPostcard(input: $input) {\n      __typename\n      ... on PostcardQueued {\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.ReissueCredentialsByPostcardDocument,
    "\n  mutation UnlockAccount($input: UnlockAccountInput!) {\n    unlockAccount(input: $input) {\n      __typename\n      ... on AccountUnlocked {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.UnlockAccountDocument,
    "\n  mutation LiftReissueBlock($input: LiftReissueBlockInput!) {\n    liftReissueBlock(input: $input) {\n      __typename\n      ... on ReissueBlockLifted {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.LiftReissueBlockDocument,
    "\n  query PostcardQueue($status: PostcardStatus, $first: Int, $after: String) {\n    postcards(status: $status, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      postcards {\n        ...OpsPostcardFields\n        holderName\n        postalAddress\n        customerNumber\n      }\n    }\n  }\n": types.PostcardQueueDocument,
    "\n  mutation MarkPostcardsMailed($input: MarkPostcardsMailedInput!) {\n    markPostcardsMailed(input: $input) {\n      __typename\n      ... on PostcardsMarkedMailed {\n        count\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.MarkPostcardsMailedDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      events {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  fragment OpsAdminOperatorFields on OperatorListing {\n    id\n    loginId\n    displayName\n    role\n    lockedAt\n    createdAt\n  }\n": types.OpsAdminOperatorFieldsFragmentDoc,
    "\n  fragment OpsAdminApiKeyFields on ApiKeyInfo {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.OpsAdminApiKeyFieldsFragmentDoc,
    "\n  query AdminLists {\n    operators {\n      ...OpsAdminOperatorFields\n    }\n    apiKeys {\n      ...OpsAdminApiKeyFields\n    }\n  }\n": types.AdminListsDocument,
    "\n  mutation UnlockOperator($input: UnlockOperatorInput!) {\n    unlockOperator(input: $input) {\n      __typename\n      ... on OperatorUnlocked {\n        operator {\n          ...OpsAdminOperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.UnlockOperatorDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on ApiKeyRevoked {\n        apiKey {\n          ...OpsAdminApiKeyFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n": types.RevokeApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperatorFields on Operator {\n    id\n    loginId\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment OperatorFields on Operator {\n    id\n    loginId\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsFieldErrors on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment OpsFieldErrors on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentOperator {\n    currentOperator {\n      ...OperatorFields\n    }\n  }\n"): (typeof documents)["\n  query CurrentOperator {\n    currentOperator {\n      ...OperatorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorLogin($input: OperatorLoginInput!) {\n    operatorLogin(input: $input) {\n      __typename\n      ... on OperatorLoginSuccess {\n        operator {\n          ...OperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation OperatorLogin($input: OperatorLoginInput!) {\n    operatorLogin(input: $input) {\n      __typename\n      ... on OperatorLoginSuccess {\n        operator {\n          ...OperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorLogout {\n    operatorLogout\n  }\n"): (typeof documents)["\n  mutation OperatorLogout {\n    operatorLogout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsAccountStatus on AccountStatus {\n    postcardPending\n    activated\n    locked\n    reissueBlocked\n  }\n"): (typeof documents)["\n  fragment OpsAccountStatus on AccountStatus {\n    postcardPending\n    activated\n    locked\n    reissueBlocked\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchAccounts($query: String!) {\n    searchAccounts(query: $query) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      status {\n        ...OpsAccountStatus\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchAccounts($query: String!) {\n    searchAccounts(query: $query) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      status {\n        ...OpsAccountStatus\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsPostcardFields on PostcardInfo {\n    id\n    kind\n    status\n    createdAt\n    mailedAt\n  }\n"): (typeof documents)["\n  fragment OpsPostcardFields on PostcardInfo {\n    id\n    kind\n    status\n    createdAt\n    mailedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsAuditEntryFields on AuditEntry {\n    id\n    occurredAt\n    event\n    outcome\n    customerNumber\n    operatorLoginId\n    clientAddress\n    detail\n  }\n"): (typeof documents)["\n  fragment OpsAuditEntryFields on AuditEntry {\n    id\n    occurredAt\n    event\n    outcome\n    customerNumber\n    operatorLoginId\n    clientAddress\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorAccount($id: ID!) {\n    operatorAccount(id: $id) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      postalAddress\n      reissueEmail\n      status {\n        ...OpsAccountStatus\n      }\n      createdAt\n      lineTotalCount\n      contactEmail\n      billingNotificationEmails {\n        email\n        emailType\n        status\n      }\n      lines {\n        lineNumber\n        carrierCode\n        carrierName\n        serviceName\n      }\n      postcards {\n        ...OpsPostcardFields\n      }\n      recentEvents {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query OperatorAccount($id: ID!) {\n    operatorAccount(id: $id) {\n      id\n      customerNumber\n      holderName\n      registeredPhoneNumber\n      loginId\n      postalAddress\n      reissueEmail\n      status {\n        ...OpsAccountStatus\n      }\n      createdAt\n      lineTotalCount\n      contactEmail\n      billingNotificationEmails {\n        email\n        emailType\n        status\n      }\n      lines {\n        lineNumber\n        carrierCode\n        carrierName\n        serviceName\n      }\n      postcards {\n        ...OpsPostcardFields\n      }\n      recentEvents {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProvisionAccount($input: ProvisionAccountInput!) {\n    provisionAccount(input: $input) {\n      __typename\n      ... on AccountProvisioned {\n        account {\n          id\n          customerNumber\n          holderName\n        }\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ProvisionAccount($input: ProvisionAccountInput!) {\n    provisionAccount(input: $input) {\n      __typename\n      ... on AccountProvisioned {\n        account {\n          id\n          customerNumber\n          holderName\n        }\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueCredentialsByPostcard($input: ReissueCredentialsByPostcardInput!) {\n    reissueCredentialsByPostcard(input: $input) {\n      __typename\n      ... on PostcardQueued {\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ReissueCredentialsByPostcard($input: ReissueCredentialsByPostcardInput!) {\n    reissueCredentialsByPostcard(input: $input) {\n      __typename\n      ... on PostcardQueued {\n        postcard {\n          ...OpsPostcardFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockAccount($input: UnlockAccountInput!) {\n    unlockAccount(input: $input) {\n      __typename\n      ... on AccountUnlocked {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockAccount($input: UnlockAccountInput!) {\n    unlockAccount(input: $input) {\n      __typename\n      ... on AccountUnlocked {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftReissueBlock($input: LiftReissueBlockInput!) {\n    liftReissueBlock(input: $input) {\n      __typename\n      ... on ReissueBlockLifted {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation LiftReissueBlock($input: LiftReissueBlockInput!) {\n    liftReissueBlock(input: $input) {\n      __typename\n      ... on ReissueBlockLifted {\n        account {\n          id\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostcardQueue($status: PostcardStatus, $first: Int, $after: String) {\n    postcards(status: $status, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      postcards {\n        ...OpsPostcardFields\n        holderName\n        postalAddress\n        customerNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostcardQueue($status: PostcardStatus, $first: Int, $after: String) {\n    postcards(status: $status, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      postcards {\n        ...OpsPostcardFields\n        holderName\n        postalAddress\n        customerNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkPostcardsMailed($input: MarkPostcardsMailedInput!) {\n    markPostcardsMailed(input: $input) {\n      __typename\n      ... on PostcardsMarkedMailed {\n        count\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation MarkPostcardsMailed($input: MarkPostcardsMailedInput!) {\n    markPostcardsMailed(input: $input) {\n      __typename\n      ... on PostcardsMarkedMailed {\n        count\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      events {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nextCursor\n      events {\n        ...OpsAuditEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsAdminOperatorFields on OperatorListing {\n    id\n    loginId\n    displayName\n    role\n    lockedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment OpsAdminOperatorFields on OperatorListing {\n    id\n    loginId\n    displayName\n    role\n    lockedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpsAdminApiKeyFields on ApiKeyInfo {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment OpsAdminApiKeyFields on ApiKeyInfo {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminLists {\n    operators {\n      ...OpsAdminOperatorFields\n    }\n    apiKeys {\n      ...OpsAdminApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query AdminLists {\n    operators {\n      ...OpsAdminOperatorFields\n    }\n    apiKeys {\n      ...OpsAdminApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockOperator($input: UnlockOperatorInput!) {\n    unlockOperator(input: $input) {\n      __typename\n      ... on OperatorUnlocked {\n        operator {\n          ...OpsAdminOperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockOperator($input: UnlockOperatorInput!) {\n    unlockOperator(input: $input) {\n      __typename\n      ... on OperatorUnlocked {\n        operator {\n          ...OpsAdminOperatorFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on ApiKeyRevoked {\n        apiKey {\n          ...OpsAdminApiKeyFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on ApiKeyRevoked {\n        apiKey {\n          ...OpsAdminApiKeyFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...OpsFieldErrors\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;