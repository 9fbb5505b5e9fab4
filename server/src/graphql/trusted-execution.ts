import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  type FormattedExecutionResult,
  type GraphQLSchema,
  getVariableValues,
  printSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { TrustedDocuments } from './trusted-documents';

/**
 * Our own clients' documents (the manifests) run compiled by graphql-jit: a function made for each
 * document's selection set resolves a 120-line breakdown (~10,000 fields) several times faster than
 * graphql-js's interpreter (bench:billing). Only trusted documents are compiled, each once, so what is
 * kept is bounded by the manifests and no caller can make the server compile code; every other
 * document runs on graphql-js, exactly as Apollo would run it. Apollo Server 5 has no executor option:
 * a gateway whose `load()` returns the executor is its supported hook. Apollo still parses, validates
 * and limits every document, formats errors and runs every plugin.
 */
export function trustedExecution(
  schema: GraphQLSchema,
  documents: TrustedDocuments,
): { gateway: GatewayInterface; stringifyResult: (result: FormattedExecutionResult) => string } {
  const compiled = new Map<string, CompiledQuery | null>();
  // A compiled query brings a serializer made for its answer's shape (fast-json-stringify); answers
  // are matched to it by their `data` object.
  const serializers = new WeakMap<object, CompiledQuery['stringify']>();
  const compiledFor = (hash: string, request: Parameters<Executor>[0]) => {
    if (!documents.text(hash)) return null;
    // Keyed by operation too: a manifest's document holds one operation, but nothing relies on it.
    const key = `${hash}:${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined, {
        customJSONSerializer: true,
      });
      query = isCompiledQuery(result) ? result : null;
      compiled.set(key, query);
    }
    return query;
  };
  const executor: Executor = async (request) => {
    // The operation name as sent: Apollo's resolved name is null when none matched, which graphql-js
    // must see to answer "Unknown operation named …" (a 400).
    const operationName = request.request.operationName;
    const query = request.operation && request.queryHash ? compiledFor(request.queryHash, request) : null;
    if (!query)
      return execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: request.request.variables,
        operationName,
      });
    // graphql-js coerces the variables (graphql-jit 0.8 rejects an omitted input field that has a
    // default); the compiled query gets them in their final form.
    const variables = getVariableValues(
      schema,
      request.operation.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (variables.errors) return { errors: variables.errors };
    const result = await query.query(undefined, request.context, variables.coerced);
    if (result.data && !result.errors) serializers.set(result.data, query.stringify);
    return result;
  };
  // Apollo's own form (JSON and a newline); anything but plain data goes through JSON.stringify.
  const stringifyResult = (result: FormattedExecutionResult) => {
    const stringify = result.data && !result.errors && !result.extensions && serializers.get(result.data);
    return `${stringify ? stringify({ data: result.data }) : JSON.stringify(result)}\n`;
  };
  const gateway: GatewayInterface = {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
  return { gateway, stringifyResult };
}

type Executor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
