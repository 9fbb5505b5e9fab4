import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentStore } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode } from 'graphql';

/**
 * The operations of our own clients (the PWA and the operator console), by the sha256 of their text:
 * the manifests GraphQL Code Generator's client preset writes (`persistedDocuments`), committed with the
 * generated code. The clients send only the hash (the persisted-query wire format).
 */
const MANIFESTS = ['client/src/gql/persisted-documents.json'];

export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  /** From the repository root (server/src/graphql in tests, dist/server/src/graphql when built). */
  static load(): TrustedDocuments {
    const roots = [path.resolve(__dirname, '../../..'), path.resolve(__dirname, '../../../..')];
    const root = roots.find((dir) => existsSync(path.join(dir, MANIFESTS[0]))) ?? roots[0];
    const byHash = new Map<string, string>();
    for (const file of MANIFESTS) {
      const full = path.join(root, file);
      if (!existsSync(full)) continue;
      for (const [hash, text] of Object.entries(
        JSON.parse(readFileSync(full, 'utf8')) as Record<string, string>,
      ))
        byHash.set(hash, text);
    }
    return new TrustedDocuments(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  text(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  /**
   * Apollo's parsed-and-validated document cache, kept for our own documents only: anything else is
   * parsed anew each time, so no caller can fill memory with documents of their own (the cache holds
   * at most the manifests' few dozen entries). Apollo's keys end with the document's sha256.
   */
  documentStore(): DocumentStore {
    const documents = new Map<string, DocumentNode>();
    const trusted = (key: string) => this.byHash.has(key.slice(key.lastIndexOf(':') + 1));
    return {
      async get(key) {
        return documents.get(key);
      },
      async set(key, value) {
        if (trusted(key)) documents.set(key, value);
      },
      async delete(key) {
        return documents.delete(key);
      },
    };
  }
}

/** What the request pipeline knows about where a request's document came from. */
export type DocumentOrigin = 'trusted' | 'text';

declare module 'fastify' {
  interface FastifyRequest {
    graphqlDocumentOrigin?: DocumentOrigin;
  }
}

interface GraphQLParams {
  query?: unknown;
  extensions?: unknown;
}

/**
 * Before Apollo sees a request: a trusted id is replaced by its document (unknown ids: 400), and a
 * document sent as text is refused where only our own clients may be (`textAllowed` says where).
 * Returns false when it has answered the request itself.
 */
export function admitDocument(
  documents: TrustedDocuments,
  request: FastifyRequest,
  reply: FastifyReply,
  textAllowed: (request: FastifyRequest) => boolean,
  refusal: (code: 'PERSISTED_QUERY_NOT_FOUND' | 'TRUSTED_DOCUMENTS_ONLY') => string,
): boolean {
  const params = (request.method === 'GET' ? request.query : request.body) as GraphQLParams | null;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return true; // Apollo answers 400
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return true; // Apollo answers 400
    }
  }
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery;
  if (persisted && typeof params.query !== 'string') {
    const hash = typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : '';
    const text = documents.text(hash);
    if (text === undefined) {
      refuse(reply, 'PERSISTED_QUERY_NOT_FOUND', refusal);
      return false;
    }
    params.query = text;
    setParams(request, params, extensions as Record<string, unknown>);
    request.graphqlDocumentOrigin = 'trusted';
    return true;
  }
  // Text and a hash together is Apollo's registration protocol: we register nothing, the text is text.
  if (persisted) setParams(request, params, extensions as Record<string, unknown>);
  request.graphqlDocumentOrigin = 'text';
  if (typeof params.query === 'string' && !textAllowed(request)) {
    refuse(reply, 'TRUSTED_DOCUMENTS_ONLY', refusal);
    return false;
  }
  return true;
}

/**
 * The parameters Apollo then reads, without the persisted-query extension (Apollo's own handling of
 * it is off). Apollo's Fastify integration reads a GET's parameters from the URL, so that is rewritten.
 */
function setParams(request: FastifyRequest, params: GraphQLParams, extensions: Record<string, unknown>) {
  const { persistedQuery: _, ...rest } = extensions;
  if (request.method !== 'GET') {
    params.extensions = rest;
    return;
  }
  params.extensions = JSON.stringify(rest);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') search.set(key, value);
  request.raw.url = `${(request.raw.url ?? '').split('?')[0]}?${search}`;
}

function refuse(
  reply: FastifyReply,
  code: 'PERSISTED_QUERY_NOT_FOUND' | 'TRUSTED_DOCUMENTS_ONLY',
  message: (code: 'PERSISTED_QUERY_NOT_FOUND' | 'TRUSTED_DOCUMENTS_ONLY') => string,
) {
  reply
    .code(400)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ errors: [{ message: message(code), extensions: { code } }] });
}
