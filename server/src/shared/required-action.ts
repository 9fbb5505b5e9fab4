import { registerEnumType } from 'type-graphql';

/** What a session must do before anything else is allowed (SPEC §2.2 steps 2 and 6). */
export enum RequiredAction {
  NONE = 'NONE',
  CHANGE_INITIAL_CREDENTIALS = 'CHANGE_INITIAL_CREDENTIALS',
  CHANGE_PASSWORD = 'CHANGE_PASSWORD',
}

registerEnumType(RequiredAction, {
  name: 'RequiredAction',
  description: 'What the signed-in subscriber must do before any other operation is allowed.',
});
