import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  BREAK,
  GraphQLError,
  type GraphQLSchema,
  getNullableType,
  isListType,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { message } from '../i18n/messages';
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
  /**
   * Each field costs 1, and a list costs LIST_FACTOR times what one of its elements asks for (lists
   * are where responses grow: a breakdown's carriers × lines × items), unless the field's schema
   * extensions say otherwise (graphql-query-complexity). Every document of our own clients costs
   * under half of it (the heaviest, the breakdown, 4,833).
   */
  cost: 10_000,
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

/** What a list of unknown length is assumed to hold, for the cost budget. */
export const LIST_FACTOR = 10;

const listEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isListType(getNullableType(field.type)) ? 1 + LIST_FACTOR * childComplexity : undefined;

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

// Armor throws by default, which Apollo would answer as a 500: report instead, so the caller gets 400.
const report = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ...report }),
  maxAliasesRule({ n: LIMITS.aliases, allowList: [], ...report }),
  maxDirectivesRule({ n: LIMITS.directives, ...report }),
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

// C0 controls but tab, line feed and carriage return, and DEL: no field takes them, PostgreSQL refuses NUL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first input (variable or literal argument) holding a control character, as a path like `input.loginId`. */
export function controlCharacterField(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string | undefined {
  const inValue = (value: unknown, path: string, depth: number): string | undefined => {
    if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
    if (!value || typeof value !== 'object' || depth > 32) return undefined; // deeper: coercion refuses it
    for (const [key, inner] of Object.entries(value)) {
      const found = inValue(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const [name, value] of Object.entries(variables)) {
    const found = inValue(value, name, 0);
    if (found) return found;
  }
  const names: string[] = [];
  let found: string | undefined;
  const named = {
    enter: (node: { name: { value: string } }) => void names.push(node.name.value),
    leave: () => void names.pop(),
  };
  visit(operation, {
    Argument: named,
    ObjectField: named,
    StringValue(node) {
      if (!CONTROL.test(node.value)) return;
      found = names.join('.');
      return BREAK;
    },
  });
  return found;
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The field-cost budget (reported to integrators in `extensions.cost`), and, in production, the schema
 * kept to those who integrate with it: introspection and "Did you mean …" suggestions for API keys only.
 */
export function requestLimitsPlugin(
  schema: GraphQLSchema,
  options: { production: boolean },
): ApolloServerPlugin<GraphQLContext> {
  const estimators = [fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ document, request, operation, operationName, contextValue }) {
          if (!operation) return; // no such operation: Apollo answers 400 "Unknown operation named …"
          const field = controlCharacterField(operation, request.variables ?? {});
          if (field)
            throw new GraphQLError(`${field}: ${message(contextValue.lang, 'CONTROL_CHARACTER')}`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          if (options.production && !contextValue.apiKey && selectsIntrospection(document))
            throw new GraphQLError('Introspection is available to integrators (API keys) only.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          // Our own clients' documents are known and measured (bench:billing): the budget is for the rest.
          if (contextValue.request.graphqlDocumentOrigin === 'trusted') return;
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
