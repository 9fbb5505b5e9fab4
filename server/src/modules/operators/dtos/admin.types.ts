import { MaxLength } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { createUnionType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { FieldErrors, UserError } from '../../../graphql/user-error';
import { OperatorRoleName } from './operator.types';

const REASON = { description: 'Why (1–500 characters). Audited.' };

@ObjectType({ description: 'An operator account as admins see it.' })
export class OperatorListing {
  @Field(() => ID) id: string;
  @Field(() => String) loginId: string;
  @Field(() => String) displayName: string;
  @Field(() => OperatorRoleName) role: OperatorRoleName;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Set after too many failed sign-ins.' })
  lockedAt: Date | null;
  @Field(() => DateTimeISOResolver) createdAt: Date;
}

@ObjectType({ description: "An integrator's API key; the key itself is shown only once, at creation." })
export class ApiKeyInfo {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it.' }) prefix: string;
  @Field(() => [String]) scopes: string[];
  @Field(() => DateTimeISOResolver) createdAt: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) revokedAt: Date | null;
}

@InputType()
export class UnlockOperatorInput {
  @Field(() => ID) @MaxLength(100) operatorId: string;
  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) @MaxLength(100) apiKeyId: string;
  @Field(() => String, REASON) @MaxLength(2000) reason: string;
}

@ObjectType()
export class OperatorUnlocked {
  @Field(() => OperatorListing) operator: OperatorListing;
}

@ObjectType()
export class ApiKeyRevoked {
  @Field(() => ApiKeyInfo) apiKey: ApiKeyInfo;
}

@ObjectType({ implements: UserError, description: 'No such operator, or it is not locked.' })
export class OperatorNotLocked extends UserError {}

@ObjectType({ implements: UserError, description: 'No API key with this id.' })
export class ApiKeyNotFound extends UserError {}

export const UnlockOperatorResult = createUnionType({
  name: 'UnlockOperatorResult',
  types: () => [OperatorUnlocked, OperatorNotLocked, FieldErrors] as const,
});

export const RevokeApiKeyResult = createUnionType({
  name: 'RevokeApiKeyResult',
  types: () => [ApiKeyRevoked, ApiKeyNotFound, FieldErrors] as const,
});
