import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** Guide 6 (3) / Japanese guide 9-1 (2)–(5). */
@InputType()
export class RequestPasswordReissueInput {
  @Field(() => String) @MaxLength(200) loginId: string;
  @Field(() => String) @MaxLength(300) email: string;
  @Field(() => ID) @MaxLength(20) secretQuestionId: string;
  @Field(() => String) @MaxLength(200) secretAnswer: string;
  @Field(() => String, {
    nullable: true,
    description:
      'After `StepUpRequired`: the solved proof of work (base64 JSON of `{ challenge, solution }`).',
  })
  @MaxLength(4000)
  proof?: string | null;
}
