import { Field, ObjectType } from 'type-graphql';
import { RequiredAction } from '../../../shared/required-action';

@ObjectType({ description: 'The signed-in subscriber, as the top screen shows them.' })
export class Viewer {
  /** Not exposed: lets field resolvers load what belongs to this subscriber. */
  subscriberId: string;

  @Field(() => String, { description: 'The login ID in force (the initial ID until it is changed).' })
  loginId: string;

  @Field(() => RequiredAction)
  requiredAction: RequiredAction;

  @Field(() => String)
  customerNumber: string;

  @Field(() => String, { description: 'Registered phone or contract number, digits only.' })
  registeredPhoneNumber: string;

  @Field(() => String)
  holderName: string;
}
