import { graphql } from '../../gql';

/** `me` with the reissue address; ViewerFields too, since `me` is replaced as a whole in the cache. */
export const ReissueEmailStatusQuery = graphql(`
  query ReissueEmailStatus {
    me {
      ...ViewerFields
      reissueEmail {
        email
        pendingEmail
        pendingExpiresAt
        secretQuestion {
          id
          text
        }
      }
    }
  }
`);
