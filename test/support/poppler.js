// pdftotext (poppler-utils), which the document tests read PDFs with. `npm test` runs this file first:
// it finds pdftotext, or on Debian/Ubuntu as root installs Debian's poppler-utils, or stops at once
// saying what to install. Suites call pdftotextPath(), which installs it the same way when it can.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const INSTALL_HINT =
  'Document tests need pdftotext: install it with `sudo apt-get install -y poppler-utils` (Debian/Ubuntu), ' +
  'or set PDFTOTEXT_PATH to a pdftotext executable.';

function findPdftotext() {
  if (process.env.PDFTOTEXT_PATH)
    return existsSync(process.env.PDFTOTEXT_PATH) ? process.env.PDFTOTEXT_PATH : null;
  return ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((file) => existsSync(file)) ?? null;
}

const canInstall = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** The pdftotext to run, installing Debian's poppler-utils when this process may; throws the hint otherwise. */
function pdftotextPath() {
  const found = findPdftotext();
  if (found) return found;
  if (!canInstall()) throw new Error(INSTALL_HINT);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    // apt-get's own chatter is shown only when it fails.
    const run = (args) => execFileSync('apt-get', args, { stdio: 'pipe', env });
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'poppler-utils']);
  } catch (error) {
    throw new Error(
      `apt-get could not install poppler-utils: ${String(error.stderr ?? '').trim()}\n${INSTALL_HINT}`,
    );
  }
  const installed = findPdftotext();
  if (!installed) throw new Error(`apt-get finished but no pdftotext was found. ${INSTALL_HINT}`);
  return installed;
}

/** The text of a PDF, as pdftotext reads it (`-layout` keeps a row's cells on one line). */
function pdfText(pdf, options = { layout: true }) {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync(pdftotextPath(), args, { input: pdf }).toString('utf8');
}

module.exports = { pdftotextPath, pdfText };

if (require.main === module) {
  try {
    console.log(pdftotextPath());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
