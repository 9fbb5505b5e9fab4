import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ConfirmationMailSent, InvalidOrExpiredToken } from '../../../graphql/confirmation.results';
import { StepUpRequired } from '../../../graphql/step-up.result';
import { FieldErrors } from '../../../graphql/user-error';

@ObjectType({ description: 'The address is now the one reissued passwords go to.' })
export class ReissueEmailRegistered {
  @Field(() => String)
  email: string;
}

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
  types: () => [ReissueRequested, StepUpRequired, FieldErrors] as const,
});
