import type { TypedDocumentNode } from '@urql/core';

/**
 * Trusted documents in the bundle: codegen replaces each operation's document with its id alone,
 * `{ __meta__: { hash } }` (codegen.yml), so no query text or syntax tree ships to the browser. urql
 * wants a document node: `documentId` with no definitions is its own form for a persisted document (it
 * keys requests by the id instead of printing the document). trustedDocumentExchange (client.ts) puts
 * the same id in the persisted-query extension the server reads.
 */
interface Trusted {
  __meta__?: { hash?: unknown };
}

const nodes = new WeakMap<object, TypedDocumentNode<unknown, never>>();

/** The id of one of our documents (the sha256 of its text in gql/persisted-documents.json). */
export function hashOf(document: unknown): string | undefined {
  const hash = (document as Trusted | null)?.__meta__?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** The urql document for a codegen document (the same object each time, so the same request key). */
export function trusted<D, V>(document: TypedDocumentNode<D, V>): TypedDocumentNode<D, V> {
  let node = nodes.get(document);
  if (!node) {
    const hash = hashOf(document);
    // A document that is not one of ours (or lost its id) fails here rather than going out as text.
    if (!hash) throw new Error('GraphQL document without a persisted-document id');
    node = { kind: 'Document', definitions: [], documentId: hash, __meta__: { hash } } as never;
    nodes.set(document, node);
  }
  return node as unknown as TypedDocumentNode<D, V>;
}
