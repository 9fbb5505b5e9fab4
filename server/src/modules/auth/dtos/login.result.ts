import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, ObjectType } from 'type-graphql';
import { StepUpRequired } from '../../../graphql/step-up.result';
import { FieldErrors, UserError } from '../../../graphql/user-error';
import { RequiredAction } from '../../../shared/required-action';
import { Viewer } from './viewer.type';

@ObjectType()
export class LoginSuccess {
  @Field(() => RequiredAction, {
    description: 'What the subscriber must do next; NONE opens the top screen.',
  })
  requiredAction: RequiredAction;

  @Field(() => Viewer)
  viewer: Viewer;

  @Field(() => String, { nullable: true, description: 'Only when `input.bearer` was true.' })
  sessionToken: string | null;

  @Field(() => DateTimeISOResolver, {
    description: 'Absolute end of the session (the idle timeout may end it sooner).',
  })
  sessionExpiresAt: Date;
}

@ObjectType({ implements: UserError, description: 'Wrong ID or password — the same answer for unknown IDs.' })
export class InvalidCredentials extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'Told only when the right password was given for a locked account.',
})
export class AccountLocked extends UserError {}

@ObjectType({
  implements: UserError,
  description: 'The right initial password, past its validity; call the centre.',
})
export class CredentialsExpired extends UserError {}

export const LoginResult = createUnionType({
  name: 'LoginResult',
  types: () =>
    [
      LoginSuccess,
      InvalidCredentials,
      AccountLocked,
      CredentialsExpired,
      StepUpRequired,
      FieldErrors,
    ] as const,
});
