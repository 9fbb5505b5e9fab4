import { MaxLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One line of the security audit log. Never holds a secret.' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeISOResolver)
  occurredAt: Date;

  @Field(() => String, { description: 'LOGIN, POSTCARD_REISSUED, ACCOUNT_UNLOCKED, …' })
  event: string;

  @Field(() => String)
  outcome: string;

  @Field(() => ID, { nullable: true })
  accountId: string | null;

  @Field(() => String, { nullable: true })
  customerNumber: string | null;

  @Field(() => String, { nullable: true, description: 'The operator who acted, if one did.' })
  operatorLoginId: string | null;

  @Field(() => String, { nullable: true, description: 'The integrator key that acted, if one did.' })
  apiKeyName: string | null;

  @Field(() => String, { nullable: true })
  clientAddress: string | null;

  @Field(() => String, { description: 'Event details as a JSON object (reason, ids, counts).' })
  detail: string;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true }) @MaxLength(50) customerNumber?: string | null;
  @Field(() => ID, { nullable: true }) @MaxLength(50) accountId?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(50) operatorLoginId?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(50) event?: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

@ObjectType()
export class AuditPage {
  @Field(() => [AuditEntry], { description: 'Newest first.' })
  events: AuditEntry[];

  @Field(() => String, { nullable: true })
  nextCursor: string | null;
}
