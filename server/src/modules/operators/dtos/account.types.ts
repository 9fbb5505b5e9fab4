import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditEntry } from './audit-entry.types';
import { PostcardInfo } from './postcard.types';

@ObjectType({ description: 'Where an account stands, as the call centre needs to know it.' })
export class AccountStatus {
  @Field(() => Boolean, { description: 'A postcard with initial credentials is waiting to be mailed.' })
  postcardPending: boolean;

  @Field(() => Boolean, {
    description: 'The subscriber has replaced the postcard credentials with their own.',
  })
  activated: boolean;

  @Field(() => Boolean, { description: 'The password is locked after repeated wrong attempts.' })
  locked: boolean;

  @Field(() => Boolean, { description: 'Self-service reissue is suspended after repeated wrong answers.' })
  reissueBlocked: boolean;
}

@ObjectType()
export class AccountSummary {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  customerNumber: string;

  @Field(() => String)
  holderName: string;

  @Field(() => String, { description: 'Digits only.' })
  registeredPhoneNumber: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The login ID the subscriber chose; null until they have (the initial ID is only on the postcard).',
  })
  loginId: string | null;

  @Field(() => AccountStatus)
  status: AccountStatus;
}

@ObjectType()
export class AccountLine {
  @Field(() => String)
  lineNumber: string;

  @Field(() => String)
  carrierCode: string;

  @Field(() => String)
  carrierName: string;

  @Field(() => String)
  serviceName: string;
}

@ObjectType({
  description: 'A registered address, masked (t***@example.jp): enough to confirm with a caller.',
})
export class MaskedEmail {
  @Field(() => String)
  email: string;

  @Field(() => String, { nullable: true, description: 'Billing notification: MOBILE or INTERNET.' })
  emailType: string | null;

  @Field(() => String, { description: 'ACTIVE, or PENDING until the link in the mail is followed.' })
  status: string;
}

@ObjectType({ description: 'One account as the operator console shows it.' })
export class OperatorAccountView extends AccountSummary {
  @Field(() => String)
  postalAddress: string;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => [AccountLine], { description: 'The first 50 lines, by line number.' })
  lines: AccountLine[];

  @Field(() => Int)
  lineTotalCount: number;

  @Field(() => String, { nullable: true, description: 'The active reissue address, masked.' })
  reissueEmail: string | null;

  @Field(() => [MaskedEmail], { description: 'Billing-amount notification addresses, masked.' })
  billingNotificationEmails: MaskedEmail[];

  @Field(() => String, { nullable: true, description: 'The membership contact address, masked.' })
  contactEmail: string | null;

  @Field(() => [PostcardInfo], { description: 'Newest first (at most 20).' })
  postcards: PostcardInfo[];

  @Field(() => [AuditEntry], { description: 'The last 20 security events of this account.' })
  recentEvents: AuditEntry[];
}
