import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Guide 6 (3) / Japanese guide 9-1 (2)–(5). */
@InputType()
export class RequestPasswordReissueInput {
  @Field(() => String) @MaxLength(200) loginId: string;
  @Field(() => String) @MaxLength(300) email: string;
  @Field(() => ID) @MaxLength(20) secretQuestionId: string;
  @Field(() => String) @MaxLength(200) secretAnswer: string;
}
