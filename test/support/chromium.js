// The Chromium the end-to-end tests drive. `npm test` runs this file first: it finds a Chromium, or on
// Debian/Ubuntu as root installs Debian's (browser downloads such as `npx playwright install` are not
// always possible), or stops at once saying what to install. The e2e suites are never skipped.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const INSTALL_HINT =
  'End-to-end tests need Chromium: install it with `sudo apt-get install -y chromium fonts-noto-cjk` ' +
  '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download; null when there is none. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist. ${INSTALL_HINT}`);
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core names no download for this platform
  }
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** The Chromium to launch; throws the one-line hint when there is none. */
function chromiumPath() {
  const found = findChromium();
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

const canInstall = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Finds Chromium, installing Debian's package when this process may; exits 1 with the hint otherwise. */
function ensureChromium() {
  let found;
  try {
    found = findChromium();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (found) return found;
  if (!canInstall()) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  console.error('Chromium not found: installing Debian’s chromium and fonts-noto-cjk with apt-get (once)…');
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // apt-get's own chatter is shown only when it fails.
    const run = (args) => execFileSync('apt-get', args, { stdio: 'pipe', env });
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
  } catch (error) {
    console.error(String(error.stderr ?? '').trim());
    console.error(`apt-get could not install Chromium. ${INSTALL_HINT}`);
    process.exit(1);
  }
  found = findChromium();
  if (!found) {
    console.error(`apt-get finished but no Chromium was found. ${INSTALL_HINT}`);
    process.exit(1);
  }
  return found;
}

module.exports = { chromiumPath, findChromium };

if (require.main === module) ensureChromium();
