import { graphql } from '../../gql';

/** The notification address: the active one and one awaiting its mailed link (guide 4 (2)). */
export const NotificationEmailQuery = graphql(`
  query NotificationEmail {
    billing {
      notificationEmail {
        email
        emailType
        pendingEmail
        pendingEmailType
        pendingExpiresAt
      }
    }
  }
`);
