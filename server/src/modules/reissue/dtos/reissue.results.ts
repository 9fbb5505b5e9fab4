import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, ObjectType } from 'type-graphql';
import { FieldErrors, UserError } from '../../../graphql/user-error';

@ObjectType({ description: 'A mail with a confirmation link (valid 24 h) is on its way.' })
export class ConfirmationMailSent {
  @Field(() => String)
  email: string;

  @Field(() => DateTimeISOResolver, { description: 'When the link stops working.' })
  expiresAt: Date;
}

@ObjectType({ description: 'The address is now the one reissued passwords go to.' })
export class ReissueEmailRegistered {
  @Field(() => String)
  email: string;
}

@ObjectType({
  implements: UserError,
  description: 'The link is unknown, used already, or older than 24 hours.',
})
export class InvalidOrExpiredToken extends UserError {}

@ObjectType({
  description:
    'Always the answer to a well-formed request, whether or not anything matched (no account enumeration).',
})
export class ReissueRequested {
  @Field(() => String)
  message: string;
}

export const RegisterReissueEmailResult = createUnionType({
  name: 'RegisterReissueEmailResult',
  types: () => [ConfirmationMailSent, FieldErrors] as const,
});

export const ConfirmReissueEmailResult = createUnionType({
  name: 'ConfirmReissueEmailResult',
  types: () => [ReissueEmailRegistered, InvalidOrExpiredToken, FieldErrors] as const,
});

export const RequestPasswordReissueResult = createUnionType({
  name: 'RequestPasswordReissueResult',
  types: () => [ReissueRequested, FieldErrors] as const,
});
