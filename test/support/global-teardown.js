module.exports = async function globalTeardown() {
  await globalThis.__embeddedPostgres?.stop();
};
