import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  BREAK,
  GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { GraphQLContext } from './context';

/**
 * What one request may ask, checked before anything runs (documented in docs/integrators.md). Our own
 * clients' documents stay far inside them; they bound what anyone else can make the server do.
 */
export const LIMITS = {
  /** Lexical tokens of the document: bounds parsing itself (graphql-js stops counting at the limit). */
  tokens: 2_000,
  depth: 10,
  aliases: 15,
  directives: 10,
  /** Each field costs 1 unless its schema extensions say otherwise (graphql-query-complexity). */
  cost: 1_000,
} as const;

/** Fields that check a password, answer or registered number: at most one of them per request. */
const CREDENTIAL_FIELDS = new Set([
  'login',
  'operatorLogin',
  'changePassword',
  'changeInitialCredentials',
  'requestPasswordReissue',
  'confirmReissueEmail',
  'confirmBillingNotificationEmail',
]);

export const parseOptions: ParseOptions = { maxTokens: LIMITS.tokens };

/**
 * Counts the credential-checking fields anywhere in the document (fragments included), which is at
 * least as many as would run: more than one is refused before any of them runs (an attacker's 100
 * aliased logins would otherwise be 100 password hashes in one request).
 */
function oneCredentialCheckRule(context: ValidationContext) {
  const mutation = context.getSchema().getMutationType();
  let seen = 0;
  return {
    Field(node: { name: { value: string } }) {
      if (context.getParentType() !== mutation || !CREDENTIAL_FIELDS.has(node.name.value)) return;
      seen += 1;
      if (seen === 2)
        context.reportError(
          new GraphQLError(
            `At most one credential check (${[...CREDENTIAL_FIELDS].join(', ')}) may be sent per request.`,
          ),
        );
    },
  };
}

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth }),
  maxAliasesRule({ n: LIMITS.aliases }),
  maxDirectivesRule({ n: LIMITS.directives }),
  oneCredentialCheckRule,
];

const selectsIntrospection = (document: Parameters<typeof visit>[0]) => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
};

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The field-cost budget (reported to integrators in `extensions.cost`), and, in production, the schema
 * kept to those who integrate with it: introspection and "Did you mean …" suggestions for API keys only.
 */
export function requestLimitsPlugin(
  schema: GraphQLSchema,
  options: { production: boolean },
): ApolloServerPlugin<GraphQLContext> {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          if (options.production && !contextValue.apiKey && selectsIntrospection(document))
            throw new GraphQLError('Introspection is available to integrators (API keys) only.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators,
            });
          } catch (error) {
            // Variables that do not fit their types: what execution would answer, said first here.
            throw new GraphQLError(error instanceof Error ? error.message : String(error), {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > LIMITS.cost)
            throw new GraphQLError(`This request costs ${cost}; the limit is ${LIMITS.cost}.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: LIMITS.cost, http: { status: 400 } },
            });
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (contextValue?.apiKey && cost !== undefined)
            result.extensions = { ...result.extensions, cost: { requested: cost, limit: LIMITS.cost } };
          if (options.production && !contextValue?.apiKey && result.errors)
            result.errors = result.errors.map((e) =>
              SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '') } : e,
            );
        },
      };
    },
  };
}
