import { graphql } from '../gql';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    loginId
    requiredAction
    customerNumber
    registeredPhoneNumber
    holderName
  }
`);

/** A mutation's FieldErrors result: the summary and one entry per offending input field. */
export const FieldErrorsFieldsFragment = graphql(`
  fragment FieldErrorsFields on FieldErrors {
    code
    message
    errors {
      field
      code
      message
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** One month's bill as the top screen and the month lists show it. */
export const InvoiceCardFieldsFragment = graphql(`
  fragment InvoiceCardFields on Invoice {
    billingMonth
    status
    billingAmount
    dueDate
    paymentStatus
    detailsAvailable
  }
`);
