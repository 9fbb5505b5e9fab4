import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error';

@ObjectType({ description: 'The idle period starts again now.' })
export class SessionExtended {
  @Field(() => DateTimeISOResolver, {
    description: 'When the session ends if no further request comes (never past `expiresAt`).',
  })
  idleExpiresAt: Date;

  @Field(() => Int, {
    description:
      'Seconds from now to `idleExpiresAt`, as the server counts them: a client whose clock differs counts from here (also in the `Session-Expires-In` header of every authenticated answer).',
  })
  expiresIn: number;

  @Field(() => DateTimeISOResolver, { description: 'Absolute end of the session, which nothing extends.' })
  expiresAt: Date;
}

@ObjectType({
  implements: UserError,
  description:
    'The session is within one idle period of its absolute end (SESSION_ABSOLUTE_HOURS): it ends at `expiresAt` whatever is done; sign in again to go on.',
})
export class SessionLimitReached extends UserError {
  @Field(() => Int, { description: 'Seconds from now to `expiresAt`.' })
  expiresIn: number;

  @Field(() => DateTimeISOResolver)
  expiresAt: Date;
}

export const ExtendSessionResult = createUnionType({
  name: 'ExtendSessionResult',
  types: () => [SessionExtended, SessionLimitReached] as const,
});
