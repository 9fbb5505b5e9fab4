import { MaxLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { StepUpRequired } from '../../../graphql/step-up.result';
import { FieldErrors } from '../../../graphql/user-error';
import { AccountLocked, InvalidCredentials } from '../../auth/dtos/login.result';

export enum OperatorRoleName {
  OPERATOR = 'OPERATOR',
  ADMIN = 'ADMIN',
}

registerEnumType(OperatorRoleName, {
  name: 'OperatorRole',
  description: 'OPERATOR: the call-centre console. ADMIN: that, plus operator administration.',
});

@ObjectType({ description: 'A call-centre operator (never a subscriber).' })
export class Operator {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  loginId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => OperatorRoleName)
  role: OperatorRoleName;
}

@InputType()
export class OperatorLoginInput {
  @Field(() => String) @MaxLength(200) loginId: string;
  @Field(() => String) @MaxLength(200) password: string;

  @Field(() => String, {
    nullable: true,
    description:
      'After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`).',
  })
  @MaxLength(4000)
  proof?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Non-browser clients: return the session token for `Authorization: Bearer` instead of a cookie.',
  })
  bearer: boolean;
}

@ObjectType()
export class OperatorLoginSuccess {
  @Field(() => Operator)
  operator: Operator;

  @Field(() => String, { nullable: true, description: 'Only when `input.bearer` was true.' })
  sessionToken: string | null;

  @Field(() => DateTimeISOResolver)
  sessionExpiresAt: Date;
}

/** The subscriber's failure types, with operator wording (`OPERATOR_…` codes): the client matches on __typename. */
export const OperatorLoginResult = createUnionType({
  name: 'OperatorLoginResult',
  types: () =>
    [OperatorLoginSuccess, InvalidCredentials, AccountLocked, StepUpRequired, FieldErrors] as const,
});
