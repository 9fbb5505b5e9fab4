import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Guide 1-7 / 5 (3): the address twice, a question from the list and its answer. */
@InputType()
export class RegisterReissueEmailInput {
  @Field(() => String) @MaxLength(300) email: string;
  @Field(() => String) @MaxLength(300) emailConfirmation: string;
  @Field(() => ID) @MaxLength(20) secretQuestionId: string;
  @Field(() => String) @MaxLength(200) secretAnswer: string;
}
