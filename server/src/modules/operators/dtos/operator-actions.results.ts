import { createUnionType, Field, Int, ObjectType } from 'type-graphql';
import { FieldErrors, UserError } from '../../../graphql/user-error';
import { AccountSummary } from './account.types';
import { PostcardInfo } from './postcard.types';

@ObjectType({ description: 'The account exists, its postcard is queued for printing.' })
export class AccountProvisioned {
  @Field(() => AccountSummary)
  account: AccountSummary;

  @Field(() => PostcardInfo)
  postcard: PostcardInfo;
}

@ObjectType({ description: 'New initial credentials: the old login ID and password no longer work.' })
export class PostcardQueued {
  @Field(() => AccountSummary)
  account: AccountSummary;

  @Field(() => PostcardInfo)
  postcard: PostcardInfo;

  @Field(() => Int, { description: 'Sessions that were signed out.' })
  sessionsRevoked: number;

  @Field(() => Int, { description: 'Older unmailed postcards cancelled (their credentials are void).' })
  postcardsCancelled: number;
}

@ObjectType()
export class AccountUnlocked {
  @Field(() => AccountSummary)
  account: AccountSummary;
}

@ObjectType()
export class ReissueBlockLifted {
  @Field(() => AccountSummary)
  account: AccountSummary;
}

@ObjectType()
export class PostcardsMarkedMailed {
  @Field(() => Int, { description: 'Pending postcards now mailed (others given were left alone).' })
  count: number;
}

@ObjectType({ implements: UserError, description: 'No account with this id.' })
export class AccountNotFound extends UserError {}

@ObjectType({ implements: UserError, description: 'The password is not locked: nothing to unlock.' })
export class NotLocked extends UserError {}

@ObjectType({ implements: UserError, description: 'Self-service reissue is not blocked for this account.' })
export class NotBlocked extends UserError {}

export const ProvisionAccountResult = createUnionType({
  name: 'ProvisionAccountResult',
  types: () => [AccountProvisioned, FieldErrors] as const,
});

export const ReissueCredentialsByPostcardResult = createUnionType({
  name: 'ReissueCredentialsByPostcardResult',
  types: () => [PostcardQueued, AccountNotFound, FieldErrors] as const,
});

export const UnlockAccountResult = createUnionType({
  name: 'UnlockAccountResult',
  types: () => [AccountUnlocked, NotLocked, AccountNotFound, FieldErrors] as const,
});

export const LiftReissueBlockResult = createUnionType({
  name: 'LiftReissueBlockResult',
  types: () => [ReissueBlockLifted, NotBlocked, AccountNotFound, FieldErrors] as const,
});

export const MarkPostcardsMailedResult = createUnionType({
  name: 'MarkPostcardsMailedResult',
  types: () => [PostcardsMarkedMailed, FieldErrors] as const,
});
