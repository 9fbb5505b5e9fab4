// Shared set-up for benchmarks that run against the app's own modules (built in dist/).
require('reflect-metadata');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.resolve(__dirname, '../dist/server/src');
const { createDataSource } = require(`${dist}/db/data-source.js`);
const { runMigrations } = require(`${dist}/db/database.js`);
const { startEmbeddedPostgres } = require(`${dist}/db/embedded-postgres.js`);

const quiet = { info() {}, warn() {}, error() {} };

/**
 * A migrated database for one benchmark run: a fresh embedded PostgreSQL in a temp dir, or the
 * server DATABASE_URL names. `close()` removes what was created.
 */
async function openBenchDatabase(name) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `wb-bench-${name}-`));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres user when we are root
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir,
        port: 50000 + Math.floor(Math.random() * 5000),
        database: 'bench',
      });
  const databaseUrl = embedded?.url ?? process.env.DATABASE_URL;
  const db = createDataSource(databaseUrl);
  await db.initialize();
  await runMigrations(db, quiet);
  return {
    dataDir,
    databaseUrl,
    db,
    async close() {
      await db.destroy();
      await embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { dist, quiet, openBenchDatabase };
