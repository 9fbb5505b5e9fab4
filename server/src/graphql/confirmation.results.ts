import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error';

/** Results of every address confirmed by mail (reissue address, billing notification address). */
@ObjectType({ description: 'A mail with a confirmation link (valid 24 h) is on its way.' })
export class ConfirmationMailSent {
  @Field(() => String)
  email: string;

  @Field(() => DateTimeISOResolver, { description: 'When the link stops working.' })
  expiresAt: Date;
}

@ObjectType({
  implements: UserError,
  description: 'The link is unknown, used already, or older than 24 hours.',
})
export class InvalidOrExpiredToken extends UserError {}
