import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PostcardKind as Kind, PostcardStatus as Status } from '../postcard.entity';

export enum PostcardStatus {
  PENDING = 'PENDING',
  MAILED = 'MAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PostcardStatus, {
  name: 'PostcardStatus',
  description: 'PENDING until mailed; CANCELLED when a newer reissue replaced it before mailing.',
});

export enum PostcardKind {
  PROVISION = 'PROVISION',
  REISSUE = 'REISSUE',
}
registerEnumType(PostcardKind, { name: 'PostcardKind' });

/** A queued postcard. The initial credentials are never here: only the printable sheet and CSV carry them. */
@ObjectType()
export class PostcardInfo {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  accountId: string;

  @Field(() => PostcardKind)
  kind: Kind;

  @Field(() => PostcardStatus)
  status: Status;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  mailedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String)
  customerNumber: string;

  @Field(() => String)
  holderName: string;

  @Field(() => String)
  postalAddress: string;
}

@ObjectType()
export class PostcardPage {
  @Field(() => [PostcardInfo], { description: 'Oldest first: the print queue order.' })
  postcards: PostcardInfo[];

  @Field(() => Int, { description: 'All postcards with this status.' })
  totalCount: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null at the end.' })
  nextCursor: string | null;
}
