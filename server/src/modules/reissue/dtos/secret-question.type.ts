import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One of the fixed secret questions, in the language of the request.' })
export class SecretQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;
}
