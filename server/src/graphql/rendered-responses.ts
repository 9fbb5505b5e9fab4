import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Responses kept as bytes for re-reads. A subscriber moves back and forth between a bill's months and
 * its breakdown; a 120-line month is ~80 KiB of JSON, and building it (~5,000 fields), serializing it
 * and encoding it as UTF-8 cost more than everything else the request does. Every request still runs
 * the resolvers the response depends on (authorization, the invoice's current version), as a *probe*
 * (the operation cut down to them); when the response they describe is stored, its bytes are the
 * answer. A response is provably the same one when:
 * - the operation is a query whose only resolvers are *versioned* ones (marked with
 *   `@Extensions(VERSIONED)`); every other field is read off the objects those return;
 * - each versioned resolver's result names, with `versioned()`, everything it was made from (say the
 *   invoice's id and updated_at, the language, the retention month); a result without that (an error,
 *   a not-found) makes the response one-off;
 * - the key is the document, the language, the variables and every version with its path.
 * On a miss the operation runs in full, reusing the probe's results. Per instance and bounded by
 * bytes; purely a cache.
 */
export const VERSIONED = { versioned: true } as const;

const VERSION = Symbol('response version');

/** Marks `value` as made only from what `version` names (see above). */
export function versioned<T extends object>(value: T, version: string): T {
  Object.defineProperty(value, VERSION, { value: version, enumerable: false });
  return value;
}

/** One response's bytes, filled in the first time it is written (compressed ones when first asked for). */
export interface Rendered {
  text?: string;
  bytes?: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * The encoding to send stored bytes in: brotli or gzip when the client lists it plainly (browsers
 * do), compressed once per response instead of on every request (~1 ms for 80 KiB); null leaves the
 * negotiation (q-values and all) to the compression plugin.
 */
export function storedEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const listed = (acceptEncoding ?? '').split(',').map((token) => token.trim());
  return listed.includes('br') ? 'br' : listed.includes('gzip') ? 'gzip' : null;
}

/** `bytes` (the response's own) compressed, kept beside them. */
export function encodedOnce(rendered: Rendered, bytes: Buffer, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'gzip') {
    rendered.gzip ??= gzipSync(bytes);
    return rendered.gzip;
  }
  rendered.br ??= brotliCompressSync(bytes, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 6,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return rendered.br;
}

/**
 * What one request collected: each versioned result's path and version (`null` once a result had
 * none), and the results themselves, so that the operation's second pass (after the probe) reuses
 * them instead of resolving again.
 */
type Collected = { versions: string[] | null; values: Map<string, unknown> };

const pathKey = (path: GraphQLResolveInfo['path']): string => {
  let key = String(path.key);
  for (let p = path.prev; p; p = p.prev) key = `${p.key}.${key}`;
  return key;
};

/** A stored response's key: the operation's and every version with its path, in a fixed order. */
const responseKey = (operationKey: string, versions: string[]) =>
  `${operationKey}\u0000${versions.sort().join('\u0000')}`;

export class RenderedResponses {
  private readonly byKey = new LRUCache<string, Rendered>({
    maxSize: 32 * 1024 * 1024,
    // The plain bytes; compressed copies, added later, are a fraction of that.
    sizeCalculation: (r) => Math.max(r.bytes?.length ?? 0, 1),
  });
  private readonly collecting = new WeakMap<object, Collected>();

  /** Wraps every versioned resolver of `schema` so that requests can collect their versions. */
  constructor(schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.extensions?.versioned && field.resolve) field.resolve = this.collector(field.resolve);
      }
    }
  }

  private collector(resolve: GraphQLFieldResolver<unknown, object>): GraphQLFieldResolver<unknown, object> {
    const note = (collected: Collected, path: string, value: unknown) => {
      if (!collected.versions) return;
      const version = (value as { [VERSION]?: string } | null)?.[VERSION];
      if (typeof version === 'string') collected.versions.push(`${path}=${version}`);
      else collected.versions = null;
    };
    return (source, args, context, info) => {
      const collected = this.collecting.get(context);
      if (!collected) return resolve(source, args, context, info);
      const path = pathKey(info.path);
      const value = collected.values.has(path)
        ? collected.values.get(path)
        : resolve(source, args, context, info);
      collected.values.set(path, value);
      if (value instanceof Promise)
        return value.then((v) => {
          note(collected, path, v);
          return v;
        });
      note(collected, path, value);
      return value;
    };
  }

  /** Call before running a renderable operation's probe with this context. */
  begin(context: object): void {
    this.collecting.set(context, { versions: [], values: new Map() });
  }

  /**
   * After the probe: the response's stored bytes, or an empty slot to fill, under a key made of
   * `operationKey` and the versions collected; null when the response is one-off. The versions are
   * then collected afresh for the operation's own pass (which reuses the probe's results).
   */
  lookup(context: object, operationKey: string): { key: string; rendered: Rendered } | null {
    const collected = this.collecting.get(context);
    const versions = collected?.versions;
    if (collected) collected.versions = [];
    if (!versions || versions.length === 0) return null;
    const key = responseKey(operationKey, versions);
    return { key, rendered: this.byKey.get(key) ?? {} };
  }

  /** After the operation's own pass: whether it saw the very versions the probe did (`probedKey`). */
  end(context: object, operationKey: string, probedKey: string | undefined): boolean {
    const versions = this.collecting.get(context)?.versions;
    this.collecting.delete(context);
    return Boolean(versions) && responseKey(operationKey, versions ?? []) === probedKey;
  }

  /** Ends a request answered from the store (no second pass). */
  discard(context: object): void {
    this.collecting.delete(context);
  }

  /** Keeps a response once its bytes are known. */
  store(key: string, rendered: Rendered): void {
    this.byKey.set(key, rendered);
  }
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Whether an operation can be sent as stored bytes: a query whose fields are all read off objects,
 * except versioned resolvers. If so, its *probe*: the same operation cut down to the versioned fields
 * (with their arguments, aliases and directives) selecting only `__typename`, which runs exactly the
 * resolvers the response depends on. Decided once per document.
 */
export function planRender(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
): { probe: DocumentNode } | null {
  const operation = getOperationAST(document, operationName);
  const root = schema.getQueryType();
  if (operation?.operation !== 'query' || !root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Fields of an interface or union resolve on its object types: each must pass.
  const objectTypes = (type: GraphQLNamedType | null | undefined): readonly GraphQLObjectType[] =>
    !type ? [] : isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : [];
  const NOT_RENDERABLE = Symbol('not renderable');
  // The probe's selections under `set`, or NOT_RENDERABLE.
  const cut = (
    set: SelectionSetNode,
    types: readonly GraphQLObjectType[],
  ): SelectionNode[] | typeof NOT_RENDERABLE => {
    const kept: SelectionNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (name.startsWith('__')) return NOT_RENDERABLE;
        let versioned = false;
        let below: SelectionNode[] = [];
        for (const type of types) {
          const field = type.getFields()[name];
          if (!field || (field.resolve && !field.extensions?.versioned)) return NOT_RENDERABLE;
          versioned ||= Boolean(field.resolve);
          if (selection.selectionSet) {
            const inner = cut(selection.selectionSet, objectTypes(getNamedType(field.type)));
            if (inner === NOT_RENDERABLE) return NOT_RENDERABLE;
            if (inner.length > below.length) below = inner;
          }
        }
        if (versioned || below.length > 0) {
          const selections = below.length > 0 ? below : [TYPENAME];
          kept.push({
            ...selection,
            selectionSet: selection.selectionSet ? { kind: Kind.SELECTION_SET, selections } : undefined,
          });
        }
      } else {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) return NOT_RENDERABLE;
        const condition = fragment.typeCondition;
        const inner = cut(
          fragment.selectionSet,
          condition ? objectTypes(schema.getType(condition.name.value)) : types,
        );
        if (inner === NOT_RENDERABLE) return NOT_RENDERABLE;
        if (inner.length > 0) {
          kept.push({
            kind: Kind.INLINE_FRAGMENT,
            typeCondition: condition,
            directives: selection.directives,
            selectionSet: { kind: Kind.SELECTION_SET, selections: inner },
          });
        }
      }
    }
    return kept;
  };
  const selections = cut(operation.selectionSet, [root]);
  if (selections === NOT_RENDERABLE || selections.length === 0) return null;
  const probe: OperationDefinitionNode = {
    ...operation,
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  return { probe: { kind: Kind.DOCUMENT, definitions: [probe] } };
}
