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
    "\n  fragment ViewerFields on Viewer {\n    loginId\n    requiredAction\n    customerNumber\n    registeredPhoneNumber\n    holderName\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment FieldErrorsFields on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": typeof types.FieldErrorsFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment InvoiceCardFields on Invoice {\n    billingMonth\n    status\n    billingAmount\n    dueDate\n    paymentStatus\n    detailsAvailable\n  }\n": typeof types.InvoiceCardFieldsFragmentDoc,
    "\n  query SecretQuestions {\n    secretQuestions {\n      id\n      text\n    }\n  }\n": typeof types.SecretQuestionsDocument,
    "\n  query RecentInvoices {\n    billing {\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": typeof types.RecentInvoicesDocument,
    "\n  query Breakdown($billingMonth: String!, $lineNumber: String, $carrierCode: String) {\n    billing {\n      breakdown(billingMonth: $billingMonth, lineNumber: $lineNumber, carrierCode: $carrierCode) {\n        __typename\n        ... on Breakdown {\n          itemsTotal\n          lineNumber\n          carrierCode\n          invoice {\n            ...InvoiceCardFields\n            usageAmount\n            adjustmentAmount\n            nonTaxableAmount\n            taxes {\n              rate\n              taxableAmount\n              taxAmount\n            }\n          }\n          carriers {\n            carrier {\n              code\n              name\n            }\n            subtotal\n            lines {\n              line {\n                lineNumber\n                serviceName\n              }\n              subtotal\n              items {\n                name\n                amount\n                taxRate\n              }\n            }\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.BreakdownDocument,
    "\n  query BreakdownPicker {\n    billing {\n      lines(first: 50) {\n        totalCount\n        lines {\n          lineNumber\n          serviceName\n          carrier {\n            code\n            name\n          }\n        }\n      }\n      carriers {\n        code\n        name\n      }\n    }\n  }\n": typeof types.BreakdownPickerDocument,
    "\n  query BillingHistory {\n    billing {\n      history {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": typeof types.BillingHistoryDocument,
    "\n  query InvoiceSummary($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          usageAmount\n          adjustmentAmount\n          nonTaxableAmount\n          issueDate\n          taxes {\n            rate\n            taxableAmount\n            taxAmount\n          }\n          notices {\n            title\n            body\n          }\n          receipt {\n            ...ReceiptFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.InvoiceSummaryDocument,
    "\n  mutation ChangeInitialCredentials($input: ChangeInitialCredentialsInput!) {\n    changeInitialCredentials(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.ChangeInitialCredentialsDocument,
    "\n  mutation RequestPasswordReissue($input: RequestPasswordReissueInput!) {\n    requestPasswordReissue(input: $input) {\n      __typename\n      ... on ReissueRequested {\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.RequestPasswordReissueDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on LoginSuccess {\n        requiredAction\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Membership {\n    membership {\n      ...MembershipFields\n    }\n  }\n": typeof types.MembershipDocument,
    "\n  fragment MembershipFields on Membership {\n    customerNumber\n    holderName\n    postalAddress\n    registeredPhoneNumber\n    contactPhoneNumber\n    contactEmail\n  }\n": typeof types.MembershipFieldsFragmentDoc,
    "\n  mutation UpdateContactDetails($input: UpdateContactDetailsInput!) {\n    updateContactDetails(input: $input) {\n      __typename\n      ... on ContactDetailsUpdated {\n        membership {\n          ...MembershipFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.UpdateContactDetailsDocument,
    "\n  mutation ConfirmBillingNotificationEmail($input: ConfirmBillingNotificationEmailInput!) {\n    confirmBillingNotificationEmail(input: $input) {\n      __typename\n      ... on BillingNotificationEmailRegistered {\n        email\n        emailType\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.ConfirmBillingNotificationEmailDocument,
    "\n  mutation DeleteBillingNotificationEmail {\n    deleteBillingNotificationEmail\n  }\n": typeof types.DeleteBillingNotificationEmailDocument,
    "\n  mutation RegisterBillingNotificationEmail($input: RegisterBillingNotificationEmailInput!) {\n    registerBillingNotificationEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.RegisterBillingNotificationEmailDocument,
    "\n  query NotificationEmail {\n    billing {\n      notificationEmail {\n        email\n        emailType\n        pendingEmail\n        pendingEmailType\n        pendingExpiresAt\n      }\n    }\n  }\n": typeof types.NotificationEmailDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query PayInvoice($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.PayInvoiceDocument,
    "\n  fragment PayEasySlipFields on PayEasySlip {\n    billingMonth\n    collectionAgencyNumber\n    customerNumber\n    confirmationNumber\n    amount\n    expiresOn\n    instructions\n  }\n": typeof types.PayEasySlipFieldsFragmentDoc,
    "\n  mutation PayInvoiceByCard($input: PayInvoiceByCardInput!) {\n    payInvoiceByCard(input: $input) {\n      __typename\n      ... on PaymentSucceeded {\n        invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.PayInvoiceByCardDocument,
    "\n  mutation IssuePayEasySlip($input: IssuePayEasySlipInput!) {\n    issuePayEasySlip(input: $input) {\n      __typename\n      ... on PayEasySlip {\n        ...PayEasySlipFields\n      }\n      ... on UserError {\n        code\n        message\n      }\n    }\n  }\n": typeof types.IssuePayEasySlipDocument,
    "\n  fragment ReceiptFields on Receipt {\n    id\n    method\n    amount\n    paidAt\n    cardBrand\n    cardLast4\n    reference\n  }\n": typeof types.ReceiptFieldsFragmentDoc,
    "\n  mutation ConfirmReissueEmail($input: ConfirmReissueEmailInput!) {\n    confirmReissueEmail(input: $input) {\n      __typename\n      ... on ReissueEmailRegistered {\n        email\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.ConfirmReissueEmailDocument,
    "\n  mutation RegisterReissueEmail($input: RegisterReissueEmailInput!) {\n    registerReissueEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n": typeof types.RegisterReissueEmailDocument,
    "\n  mutation DeleteReissueEmail {\n    deleteReissueEmail\n  }\n": typeof types.DeleteReissueEmailDocument,
    "\n  query ReissueEmailStatus {\n    me {\n      ...ViewerFields\n      reissueEmail {\n        email\n        pendingEmail\n        pendingExpiresAt\n        secretQuestion {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.ReissueEmailStatusDocument,
    "\n  query TopBilling {\n    billing {\n      latestInvoice {\n        ...InvoiceCardFields\n      }\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": typeof types.TopBillingDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    loginId\n    requiredAction\n    customerNumber\n    registeredPhoneNumber\n    holderName\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment FieldErrorsFields on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n": types.FieldErrorsFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment InvoiceCardFields on Invoice {\n    billingMonth\n    status\n    billingAmount\n    dueDate\n    paymentStatus\n    detailsAvailable\n  }\n": types.InvoiceCardFieldsFragmentDoc,
    "\n  query SecretQuestions {\n    secretQuestions {\n      id\n      text\n    }\n  }\n": types.SecretQuestionsDocument,
    "\n  query RecentInvoices {\n    billing {\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": types.RecentInvoicesDocument,
    "\n  query Breakdown($billingMonth: String!, $lineNumber: String, $carrierCode: String) {\n    billing {\n      breakdown(billingMonth: $billingMonth, lineNumber: $lineNumber, carrierCode: $carrierCode) {\n        __typename\n        ... on Breakdown {\n          itemsTotal\n          lineNumber\n          carrierCode\n          invoice {\n            ...InvoiceCardFields\n            usageAmount\n            adjustmentAmount\n            nonTaxableAmount\n            taxes {\n              rate\n              taxableAmount\n              taxAmount\n            }\n          }\n          carriers {\n            carrier {\n              code\n              name\n            }\n            subtotal\n            lines {\n              line {\n                lineNumber\n                serviceName\n              }\n              subtotal\n              items {\n                name\n                amount\n                taxRate\n              }\n            }\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.BreakdownDocument,
    "\n  query BreakdownPicker {\n    billing {\n      lines(first: 50) {\n        totalCount\n        lines {\n          lineNumber\n          serviceName\n          carrier {\n            code\n            name\n          }\n        }\n      }\n      carriers {\n        code\n        name\n      }\n    }\n  }\n": types.BreakdownPickerDocument,
    "\n  query BillingHistory {\n    billing {\n      history {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": types.BillingHistoryDocument,
    "\n  query InvoiceSummary($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          usageAmount\n          adjustmentAmount\n          nonTaxableAmount\n          issueDate\n          taxes {\n            rate\n            taxableAmount\n            taxAmount\n          }\n          notices {\n            title\n            body\n          }\n          receipt {\n            ...ReceiptFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.InvoiceSummaryDocument,
    "\n  mutation ChangeInitialCredentials($input: ChangeInitialCredentialsInput!) {\n    changeInitialCredentials(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.ChangeInitialCredentialsDocument,
    "\n  mutation RequestPasswordReissue($input: RequestPasswordReissueInput!) {\n    requestPasswordReissue(input: $input) {\n      __typename\n      ... on ReissueRequested {\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.RequestPasswordReissueDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on LoginSuccess {\n        requiredAction\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.LoginDocument,
    "\n  query Membership {\n    membership {\n      ...MembershipFields\n    }\n  }\n": types.MembershipDocument,
    "\n  fragment MembershipFields on Membership {\n    customerNumber\n    holderName\n    postalAddress\n    registeredPhoneNumber\n    contactPhoneNumber\n    contactEmail\n  }\n": types.MembershipFieldsFragmentDoc,
    "\n  mutation UpdateContactDetails($input: UpdateContactDetailsInput!) {\n    updateContactDetails(input: $input) {\n      __typename\n      ... on ContactDetailsUpdated {\n        membership {\n          ...MembershipFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.UpdateContactDetailsDocument,
    "\n  mutation ConfirmBillingNotificationEmail($input: ConfirmBillingNotificationEmailInput!) {\n    confirmBillingNotificationEmail(input: $input) {\n      __typename\n      ... on BillingNotificationEmailRegistered {\n        email\n        emailType\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.ConfirmBillingNotificationEmailDocument,
    "\n  mutation DeleteBillingNotificationEmail {\n    deleteBillingNotificationEmail\n  }\n": types.DeleteBillingNotificationEmailDocument,
    "\n  mutation RegisterBillingNotificationEmail($input: RegisterBillingNotificationEmailInput!) {\n    registerBillingNotificationEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.RegisterBillingNotificationEmailDocument,
    "\n  query NotificationEmail {\n    billing {\n      notificationEmail {\n        email\n        emailType\n        pendingEmail\n        pendingEmailType\n        pendingExpiresAt\n      }\n    }\n  }\n": types.NotificationEmailDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query PayInvoice($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.PayInvoiceDocument,
    "\n  fragment PayEasySlipFields on PayEasySlip {\n    billingMonth\n    collectionAgencyNumber\n    customerNumber\n    confirmationNumber\n    amount\n    expiresOn\n    instructions\n  }\n": types.PayEasySlipFieldsFragmentDoc,
    "\n  mutation PayInvoiceByCard($input: PayInvoiceByCardInput!) {\n    payInvoiceByCard(input: $input) {\n      __typename\n      ... on PaymentSucceeded {\n        invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.PayInvoiceByCardDocument,
    "\n  mutation IssuePayEasySlip($input: IssuePayEasySlipInput!) {\n    issuePayEasySlip(input: $input) {\n      __typename\n      ... on PayEasySlip {\n        ...PayEasySlipFields\n      }\n      ... on UserError {\n        code\n        message\n      }\n    }\n  }\n": types.IssuePayEasySlipDocument,
    "\n  fragment ReceiptFields on Receipt {\n    id\n    method\n    amount\n    paidAt\n    cardBrand\n    cardLast4\n    reference\n  }\n": types.ReceiptFieldsFragmentDoc,
    "\n  mutation ConfirmReissueEmail($input: ConfirmReissueEmailInput!) {\n    confirmReissueEmail(input: $input) {\n      __typename\n      ... on ReissueEmailRegistered {\n        email\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.ConfirmReissueEmailDocument,
    "\n  mutation RegisterReissueEmail($input: RegisterReissueEmailInput!) {\n    registerReissueEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n": types.RegisterReissueEmailDocument,
    "\n  mutation DeleteReissueEmail {\n    deleteReissueEmail\n  }\n": types.DeleteReissueEmailDocument,
    "\n  query ReissueEmailStatus {\n    me {\n      ...ViewerFields\n      reissueEmail {\n        email\n        pendingEmail\n        pendingExpiresAt\n        secretQuestion {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.ReissueEmailStatusDocument,
    "\n  query TopBilling {\n    billing {\n      latestInvoice {\n        ...InvoiceCardFields\n      }\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n": types.TopBillingDocument,
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
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    loginId\n    requiredAction\n    customerNumber\n    registeredPhoneNumber\n    holderName\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    loginId\n    requiredAction\n    customerNumber\n    registeredPhoneNumber\n    holderName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldErrorsFields on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment FieldErrorsFields on FieldErrors {\n    code\n    message\n    errors {\n      field\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceCardFields on Invoice {\n    billingMonth\n    status\n    billingAmount\n    dueDate\n    paymentStatus\n    detailsAvailable\n  }\n"): (typeof documents)["\n  fragment InvoiceCardFields on Invoice {\n    billingMonth\n    status\n    billingAmount\n    dueDate\n    paymentStatus\n    detailsAvailable\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecretQuestions {\n    secretQuestions {\n      id\n      text\n    }\n  }\n"): (typeof documents)["\n  query SecretQuestions {\n    secretQuestions {\n      id\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentInvoices {\n    billing {\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecentInvoices {\n    billing {\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Breakdown($billingMonth: String!, $lineNumber: String, $carrierCode: String) {\n    billing {\n      breakdown(billingMonth: $billingMonth, lineNumber: $lineNumber, carrierCode: $carrierCode) {\n        __typename\n        ... on Breakdown {\n          itemsTotal\n          lineNumber\n          carrierCode\n          invoice {\n            ...InvoiceCardFields\n            usageAmount\n            adjustmentAmount\n            nonTaxableAmount\n            taxes {\n              rate\n              taxableAmount\n              taxAmount\n            }\n          }\n          carriers {\n            carrier {\n              code\n              name\n            }\n            subtotal\n            lines {\n              line {\n                lineNumber\n                serviceName\n              }\n              subtotal\n              items {\n                name\n                amount\n                taxRate\n              }\n            }\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Breakdown($billingMonth: String!, $lineNumber: String, $carrierCode: String) {\n    billing {\n      breakdown(billingMonth: $billingMonth, lineNumber: $lineNumber, carrierCode: $carrierCode) {\n        __typename\n        ... on Breakdown {\n          itemsTotal\n          lineNumber\n          carrierCode\n          invoice {\n            ...InvoiceCardFields\n            usageAmount\n            adjustmentAmount\n            nonTaxableAmount\n            taxes {\n              rate\n              taxableAmount\n              taxAmount\n            }\n          }\n          carriers {\n            carrier {\n              code\n              name\n            }\n            subtotal\n            lines {\n              line {\n                lineNumber\n                serviceName\n              }\n              subtotal\n              items {\n                name\n                amount\n                taxRate\n              }\n            }\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakdownPicker {\n    billing {\n      lines(first: 50) {\n        totalCount\n        lines {\n          lineNumber\n          serviceName\n          carrier {\n            code\n            name\n          }\n        }\n      }\n      carriers {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query BreakdownPicker {\n    billing {\n      lines(first: 50) {\n        totalCount\n        lines {\n          lineNumber\n          serviceName\n          carrier {\n            code\n            name\n          }\n        }\n      }\n      carriers {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingHistory {\n    billing {\n      history {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingHistory {\n    billing {\n      history {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceSummary($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          usageAmount\n          adjustmentAmount\n          nonTaxableAmount\n          issueDate\n          taxes {\n            rate\n            taxableAmount\n            taxAmount\n          }\n          notices {\n            title\n            body\n          }\n          receipt {\n            ...ReceiptFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InvoiceSummary($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          usageAmount\n          adjustmentAmount\n          nonTaxableAmount\n          issueDate\n          taxes {\n            rate\n            taxableAmount\n            taxAmount\n          }\n          notices {\n            title\n            body\n          }\n          receipt {\n            ...ReceiptFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeInitialCredentials($input: ChangeInitialCredentialsInput!) {\n    changeInitialCredentials(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeInitialCredentials($input: ChangeInitialCredentialsInput!) {\n    changeInitialCredentials(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReissue($input: RequestPasswordReissueInput!) {\n    requestPasswordReissue(input: $input) {\n      __typename\n      ... on ReissueRequested {\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReissue($input: RequestPasswordReissueInput!) {\n    requestPasswordReissue(input: $input) {\n      __typename\n      ... on ReissueRequested {\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on LoginSuccess {\n        requiredAction\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on LoginSuccess {\n        requiredAction\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Membership {\n    membership {\n      ...MembershipFields\n    }\n  }\n"): (typeof documents)["\n  query Membership {\n    membership {\n      ...MembershipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MembershipFields on Membership {\n    customerNumber\n    holderName\n    postalAddress\n    registeredPhoneNumber\n    contactPhoneNumber\n    contactEmail\n  }\n"): (typeof documents)["\n  fragment MembershipFields on Membership {\n    customerNumber\n    holderName\n    postalAddress\n    registeredPhoneNumber\n    contactPhoneNumber\n    contactEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContactDetails($input: UpdateContactDetailsInput!) {\n    updateContactDetails(input: $input) {\n      __typename\n      ... on ContactDetailsUpdated {\n        membership {\n          ...MembershipFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContactDetails($input: UpdateContactDetailsInput!) {\n    updateContactDetails(input: $input) {\n      __typename\n      ... on ContactDetailsUpdated {\n        membership {\n          ...MembershipFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmBillingNotificationEmail($input: ConfirmBillingNotificationEmailInput!) {\n    confirmBillingNotificationEmail(input: $input) {\n      __typename\n      ... on BillingNotificationEmailRegistered {\n        email\n        emailType\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmBillingNotificationEmail($input: ConfirmBillingNotificationEmailInput!) {\n    confirmBillingNotificationEmail(input: $input) {\n      __typename\n      ... on BillingNotificationEmailRegistered {\n        email\n        emailType\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBillingNotificationEmail {\n    deleteBillingNotificationEmail\n  }\n"): (typeof documents)["\n  mutation DeleteBillingNotificationEmail {\n    deleteBillingNotificationEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterBillingNotificationEmail($input: RegisterBillingNotificationEmailInput!) {\n    registerBillingNotificationEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterBillingNotificationEmail($input: RegisterBillingNotificationEmailInput!) {\n    registerBillingNotificationEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationEmail {\n    billing {\n      notificationEmail {\n        email\n        emailType\n        pendingEmail\n        pendingEmailType\n        pendingExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationEmail {\n    billing {\n      notificationEmail {\n        email\n        emailType\n        pendingEmail\n        pendingEmailType\n        pendingExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on CredentialsChanged {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayInvoice($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PayInvoice($billingMonth: String!) {\n    billing {\n      invoice(billingMonth: $billingMonth) {\n        __typename\n        ... on Invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n        ... on UserError {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayEasySlipFields on PayEasySlip {\n    billingMonth\n    collectionAgencyNumber\n    customerNumber\n    confirmationNumber\n    amount\n    expiresOn\n    instructions\n  }\n"): (typeof documents)["\n  fragment PayEasySlipFields on PayEasySlip {\n    billingMonth\n    collectionAgencyNumber\n    customerNumber\n    confirmationNumber\n    amount\n    expiresOn\n    instructions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayInvoiceByCard($input: PayInvoiceByCardInput!) {\n    payInvoiceByCard(input: $input) {\n      __typename\n      ... on PaymentSucceeded {\n        invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation PayInvoiceByCard($input: PayInvoiceByCardInput!) {\n    payInvoiceByCard(input: $input) {\n      __typename\n      ... on PaymentSucceeded {\n        invoice {\n          ...InvoiceCardFields\n          receipt {\n            ...ReceiptFields\n          }\n          payEasySlip {\n            ...PayEasySlipFields\n          }\n        }\n      }\n      ... on UserError {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssuePayEasySlip($input: IssuePayEasySlipInput!) {\n    issuePayEasySlip(input: $input) {\n      __typename\n      ... on PayEasySlip {\n        ...PayEasySlipFields\n      }\n      ... on UserError {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IssuePayEasySlip($input: IssuePayEasySlipInput!) {\n    issuePayEasySlip(input: $input) {\n      __typename\n      ... on PayEasySlip {\n        ...PayEasySlipFields\n      }\n      ... on UserError {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceiptFields on Receipt {\n    id\n    method\n    amount\n    paidAt\n    cardBrand\n    cardLast4\n    reference\n  }\n"): (typeof documents)["\n  fragment ReceiptFields on Receipt {\n    id\n    method\n    amount\n    paidAt\n    cardBrand\n    cardLast4\n    reference\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmReissueEmail($input: ConfirmReissueEmailInput!) {\n    confirmReissueEmail(input: $input) {\n      __typename\n      ... on ReissueEmailRegistered {\n        email\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmReissueEmail($input: ConfirmReissueEmailInput!) {\n    confirmReissueEmail(input: $input) {\n      __typename\n      ... on ReissueEmailRegistered {\n        email\n      }\n      ... on InvalidOrExpiredToken {\n        code\n        message\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterReissueEmail($input: RegisterReissueEmailInput!) {\n    registerReissueEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterReissueEmail($input: RegisterReissueEmailInput!) {\n    registerReissueEmail(input: $input) {\n      __typename\n      ... on ConfirmationMailSent {\n        email\n        expiresAt\n      }\n      ...FieldErrorsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteReissueEmail {\n    deleteReissueEmail\n  }\n"): (typeof documents)["\n  mutation DeleteReissueEmail {\n    deleteReissueEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReissueEmailStatus {\n    me {\n      ...ViewerFields\n      reissueEmail {\n        email\n        pendingEmail\n        pendingExpiresAt\n        secretQuestion {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReissueEmailStatus {\n    me {\n      ...ViewerFields\n      reissueEmail {\n        email\n        pendingEmail\n        pendingExpiresAt\n        secretQuestion {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopBilling {\n    billing {\n      latestInvoice {\n        ...InvoiceCardFields\n      }\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopBilling {\n    billing {\n      latestInvoice {\n        ...InvoiceCardFields\n      }\n      recentInvoices {\n        ...InvoiceCardFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;