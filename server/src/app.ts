import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import helmet from 'helmet';
import { DATABASE_RETRY_AFTER_SECONDS } from './db/availability';
import type { GraphQLContext } from './graphql/context';
import { contextFailure, errorResponsesPlugin, maskUnexpected } from './graphql/error-responses';
import { parseOptions, requestLimitsPlugin, validationRules } from './graphql/request-limits';
import { admitDocument, TrustedDocuments } from './graphql/trusted-documents';
import { trustedExecution } from './graphql/trusted-execution';
import { type Lang, langFromAcceptLanguage, message } from './i18n/messages';
import { createLoaders } from './loaders';
import {
  OPERATOR_COOKIE,
  readBearer,
  readOperatorToken,
  readSessionToken,
  SESSION_COOKIE,
  writeSessionExpiry,
} from './modules/auth/session-transport';
import {
  DOCUMENTS_PATH,
  documentHeaders,
  registerDocumentRoutes,
} from './modules/documents/documents.routes';
import { registerDevMailbox } from './modules/mail/dev-mailbox.routes';
import { registerPostcardRoutes } from './modules/operators/postcard.routes';
import { createSchema } from './schema';
import type { Services } from './services';
import { RateLimitedError } from './shared/rate-limited';

const GRAPHQL_PATH = '/graphql';

/** Where the built PWA lives (dist/client), relative to this file in src and in dist. */
function clientDir(): string {
  const candidates = [path.resolve(__dirname, '../../client'), path.resolve(__dirname, '../../dist/client')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0];
}

/**
 * One port serves the GraphQL API, the PWA and the health probes. Built from services so tests start
 * exactly what production runs.
 */
export async function buildApp(
  services: Services,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const { config } = services;
  const https = config.publicUrl.startsWith('https:');
  const app = Fastify({
    trustProxy: config.trustProxy,
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Never log secrets: session tokens travel in these headers.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
    bodyLimit: 256 * 1024,
  });

  await app.register(fastifyCookie);
  // Security headers from helmet, built once: the Fastify plugin rebuilt helmet's middleware (parsing
  // the whole CSP) on every request, a few per cent of a top-screen request's time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https,
  });
  // GraphQL answers are JSON data, never a document a browser renders: they get the headers that matter
  // for an API (OWASP's REST list) instead of the page set, and are never stored by any cache (bills and
  // account data are personal; the PWA keeps what it shows offline itself).
  const apiHeaders = Object.entries({
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
  const fileHeaders = documentHeaders(https);
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url === GRAPHQL_PATH) {
      for (const [name, value] of apiHeaders) reply.raw.setHeader(name, value);
      return done();
    }
    if (request.routeOptions.url?.startsWith(DOCUMENTS_PATH)) {
      for (const [name, value] of fileHeaders) reply.raw.setHeader(name, value);
      return done();
    }
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // Compressed in one call, not through a zlib stream, up to 256 KiB (every GraphQL answer of ours):
  // the stream's setup and thread-pool hops cost more than brotli itself. bench:billing, 120-line
  // breakdown (117 KiB → 7 KiB) as browsers ask for it: server CPU 6.0 → 3.4 ms/req, p99 153 → 120 ms.
  await app.register(fastifyCompress, { global: true, threshold: 1024, syncThreshold: 256 * 1024 });
  // Apollo answers with a string; written as is, Node encodes it to UTF-8 on the socket's slow path
  // (~1.1 ms more for the 117 KiB Japanese breakdown than writing the same bytes as a Buffer, measured
  // on loopback). Encoding it once here is the cheap way. Runs before compression (the compress
  // plugin's hooks are the route's, which run after the app's), which then reads these bytes instead
  // of measuring and encoding the string itself.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (request.routeOptions.url === GRAPHQL_PATH && typeof payload === 'string' && payload.length > 1024)
      return done(null, Buffer.from(payload));
    done(null, payload);
  });

  const production = config.env === 'production';
  const documents = TrustedDocuments.load();
  if (production && documents.size === 0)
    throw new Error('No trusted documents: run `npm run codegen` (client/src/**/persisted-documents.json).');
  // Browsers (signed in by cookie, or anonymous: browsers always send Origin or Sec-Fetch-Site, which
  // pages cannot forge) run our own documents only, in production; API keys,
  // bearer tokens and non-browser tools may send text, within the request limits.
  const textAllowed = (request: FastifyRequest) => {
    if (!production || request.headers.authorization) return true;
    const { cookies, headers } = request;
    const browser =
      cookies?.[SESSION_COOKIE] || cookies?.[OPERATOR_COOKIE] || headers.origin || headers['sec-fetch-site'];
    return !browser;
  };
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    if (!admitDocument(documents, request, reply, textAllowed, (code) => message(lang, code))) return reply;
  });

  const schema = await createSchema(services);
  const execution = trustedExecution(schema, documents);
  const apollo = new ApolloServer<GraphQLContext>({
    gateway: execution.gateway,
    stringifyResult: execution.stringifyResult,
    documentStore: documents.documentStore(),
    persistedQueries: false,
    parseOptions,
    validationRules,
    introspection: true, // in production for API keys only (requestLimitsPlugin)
    includeStacktraceInErrorResponses: false,
    // No drain plugin: it calls fastify.close() itself, which deadlocks with our onClose hook below.
    // fastify.close() already stops accepting and waits for in-flight requests.
    plugins: [
      // Off: each costs time per field and we use none of them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      requestLimitsPlugin(schema, { production }),
      errorResponsesPlugin(),
    ],
    formatError: maskUnexpected(app.log),
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (request, reply): Promise<GraphQLContext> => {
      const lang = langFromAcceptLanguage(request.headers['accept-language']);
      const presented = readSessionToken(request);
      const operatorToken = readOperatorToken(request);
      const bearer = readBearer(request);
      // Each kind of credential is looked up only when one is presented (tokens carry their kind).
      const [session, operator, apiKey] = await (async () => {
        const found = await Promise.all([
          presented ? services.sessions.resolve(presented.token) : null,
          operatorToken ? services.operatorAuth.resolve(operatorToken) : null,
          bearer ? services.apiKeys.resolve(bearer) : null,
        ]);
        if (found[2]) await consumeApiKeyBudget(services, found[2].apiKeyId, lang);
        return found;
      })().catch((error) => {
        throw contextFailure(error, lang, app.log);
      });
      if (session) writeSessionExpiry(reply, session.idleExpiresAt, services.clock.now());
      return {
        request,
        reply,
        lang,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        session,
        sessionTransport: session && presented ? presented.via : null,
        operator,
        apiKey,
        secureCookies: https,
        loaders: createLoaders(services),
      };
    },
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  // A standby down or lagging does not make the instance unready (its reads go to the primary), but it
  // is reported: replicas are listed by their position in DATABASE_REPLICA_URLS.
  app.get('/readyz', async (_request, reply) => {
    try {
      await services.db.query('SELECT 1');
      return services.replicas.configured
        ? { status: 'ready', replicas: services.replicas.status() }
        : { status: 'ready' };
    } catch {
      return reply
        .code(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({ status: 'database unreachable' });
    }
  });

  registerPostcardRoutes(app, services);
  registerDocumentRoutes(app, services);

  if (config.env !== 'production' && services.mailTransport.kind === 'mailbox') {
    registerDevMailbox(app, path.join(config.dataDir, 'mail'));
  }

  const root = clientDir();
  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    wildcard: false,
    setHeaders(reply, filePath) {
      const name = path.basename(filePath);
      // Content-hashed files never change; the shell, manifest and service worker must be revalidated.
      if (/\.[0-9a-f]{8,}\./.test(name)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      else reply.header('Cache-Control', 'no-cache');
    },
  });
  // The PWA routes on the client: any other GET for a page gets the shell.
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && existsSync(path.join(root, 'index.html'))) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not Found' });
  });

  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  return app;
}

/** Integrators are rate limited per key (SPEC §6); over budget, the request is refused as a whole (429). */
async function consumeApiKeyBudget(services: Services, apiKeyId: string, lang: Lang) {
  try {
    await services.apiKeys.consume(apiKeyId);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    throw new GraphQLError(message(lang, 'API_KEY_RATE_LIMITED'), {
      extensions: {
        code: 'RATE_LIMITED',
        reason: 'API_KEY_RATE_LIMITED',
        retryAfterSeconds: error.retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) },
      },
    });
  }
}
