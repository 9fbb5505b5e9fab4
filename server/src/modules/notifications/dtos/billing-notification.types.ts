import { IsEnum, MaxLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConfirmationMailSent, InvalidOrExpiredToken } from '../../../graphql/confirmation.results';
import { FieldErrors } from '../../../graphql/user-error';

export enum BillingNotificationEmailType {
  MOBILE = 'MOBILE',
  INTERNET = 'INTERNET',
}
registerEnumType(BillingNotificationEmailType, {
  name: 'BillingNotificationEmailType',
  description: "Guide 4 (5): a mobile carrier's mail, or Internet mail (PC, smartphone, tablet).",
});

/** Guide 4 (5): type and address. */
@InputType()
export class RegisterBillingNotificationEmailInput {
  @Field(() => BillingNotificationEmailType)
  @IsEnum(BillingNotificationEmailType)
  emailType: BillingNotificationEmailType;

  @Field(() => String) @MaxLength(300) email: string;
}

/** Guide 4 (12): the token from the link, and the registered phone number (dashes accepted). */
@InputType()
export class ConfirmBillingNotificationEmailInput {
  @Field(() => String) @MaxLength(200) token: string;
  @Field(() => String) @MaxLength(40) registeredPhoneNumber: string;
}

@ObjectType({ description: 'Formal registration done: monthly billing amounts will be mailed here.' })
export class BillingNotificationEmailRegistered {
  @Field(() => String) email: string;
  @Field(() => BillingNotificationEmailType) emailType: BillingNotificationEmailType;
}

@ObjectType({
  description: 'The billing-amount notification address: the active one and one awaiting its link.',
})
export class BillingNotificationEmailStatus {
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => BillingNotificationEmailType, { nullable: true })
  emailType: BillingNotificationEmailType | null;
  @Field(() => String, { nullable: true }) pendingEmail: string | null;
  @Field(() => BillingNotificationEmailType, { nullable: true })
  pendingEmailType: BillingNotificationEmailType | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) pendingExpiresAt: Date | null;
}

export const RegisterBillingNotificationEmailResult = createUnionType({
  name: 'RegisterBillingNotificationEmailResult',
  types: () => [ConfirmationMailSent, FieldErrors] as const,
});

export const ConfirmBillingNotificationEmailResult = createUnionType({
  name: 'ConfirmBillingNotificationEmailResult',
  types: () => [BillingNotificationEmailRegistered, InvalidOrExpiredToken, FieldErrors] as const,
});
