import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const REASON = { description: 'Why: the call, the ticket (1–500 characters). Audited.' };

/*
 * Every operator action states why. Its length (1–500) is checked by the service, so a missing or
 * long reason is a FieldError the console can show, not a thrown error; 2000 is only a hard cap.
 */

@InputType()
export class ProvisionLineInput {
  @Field(() => String, { description: 'Dashes, spaces and full-width digits are accepted.' })
  @MaxLength(100)
  lineNumber: string;

  @Field(() => String, { description: 'NTT_EAST, NTT_WEST, NTT_DOCOMO, NTT_COM or OCN.' })
  @MaxLength(50)
  carrierCode: string;

  @Field(() => String, { description: 'In Japanese, as on the bill.' })
  @MaxLength(300)
  serviceName: string;

  @Field(() => String, {
    nullable: true,
    description: 'The English name shown to English readers; without it they see the Japanese one.',
  })
  @MaxLength(300)
  serviceNameEn?: string | null;
}

@InputType()
export class ProvisionAccountInput {
  @Field(() => String) @MaxLength(1000) holderName: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(2000) postalAddress: string;
  @Field(() => String) @MaxLength(100) registeredPhoneNumber: string;

  @Field(() => [ProvisionLineInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  lines: ProvisionLineInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Required for operators (1–500 characters); integrators may omit it ("integration").',
  })
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Retry safety: a second request with the same key from the same operator or API key returns the account the first one made (no second account, no second postcard); the same key with other details is refused (IDEMPOTENCY_KEY_REUSED_OTHER_ACCOUNT).',
  })
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType()
export class ReissueCredentialsByPostcardInput {
  @Field(() => ID) @MaxLength(100) accountId: string;
  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}

@InputType()
export class UnlockAccountInput {
  @Field(() => ID) @MaxLength(100) accountId: string;
  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}

@InputType()
export class LiftReissueBlockInput {
  @Field(() => ID) @MaxLength(100) accountId: string;
  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}

@InputType()
export class MarkPostcardsMailedInput {
  @Field(() => [ID])
  @ArrayMaxSize(1000)
  postcardIds: string[];

  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}
