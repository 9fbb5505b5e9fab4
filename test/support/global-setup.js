// Starts one real PostgreSQL for the whole run: the app's own embedded cluster (the same module the
// app uses) unless DATABASE_URL names a server. Each test file then creates its own database on it.
const path = require('node:path');
const os = require('node:os');
const { chmodSync, mkdtempSync } = require('node:fs');

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres } = require(
    path.resolve(__dirname, '../../dist/server/src/db/embedded-postgres.js'),
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wb-test-pg-'));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres user when we are root
  const port = 55000 + Math.floor(Math.random() * 5000);
  const pg = await startEmbeddedPostgres({ dataDir, port, database: 'test' });
  globalThis.__embeddedPostgres = pg;
  process.env.TEST_DATABASE_URL = pg.url;
  // Where the cluster lives, for a standby's base backup (test/support/standby.ts).
  process.env.TEST_PG_DATA_DIR = dataDir;
};
