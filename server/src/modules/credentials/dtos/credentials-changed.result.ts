import { createUnionType, Field, ObjectType } from 'type-graphql';
import { FieldErrors } from '../../../graphql/user-error';
import { Viewer } from '../../auth/dtos/viewer.type';

@ObjectType({ description: 'Done: the old credentials no longer work and every other session has ended.' })
export class CredentialsChanged {
  @Field(() => Viewer)
  viewer: Viewer;

  @Field(() => String, { nullable: true, description: 'The rotated bearer token, for clients that use one.' })
  sessionToken: string | null;
}

export const ChangeCredentialsResult = createUnionType({
  name: 'ChangeCredentialsResult',
  types: () => [CredentialsChanged, FieldErrors] as const,
});
