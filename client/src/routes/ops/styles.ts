// Styles of the operator console (/ops), PC first (wide tables, side navigation), still usable on a
// tablet (≥ 768 px). Kept in the console's chunk as text and applied as a constructed stylesheet
// (CSSOM: allowed by the CSP's style-src 'self', unlike an inline <style>), so that neither the
// subscriber's CSS nor the initial bundle (no CSS-chunk loader runtime) grows.
const OPS_CSS = `
/* Operator console (/ops): PC first (wide tables, side navigation), still usable on a tablet
   (≥ 768 px). Loaded with the console's chunk only. */

.ops {
  flex: 1;
  display: flex;
  flex-direction: column;
  min-height: 100vh;
}

.ops-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 16px;
  padding: 8px 24px;
  color: #fff;
  background: var(--brand-dark);
}

.ops-header__brand {
  font-weight: 700;
  font-size: 1.05rem;
}

.ops-header__end {
  display: flex;
  align-items: center;
  gap: 16px;
  flex-wrap: wrap;
  justify-content: flex-end;
}

.ops-header__operator {
  margin: 0;
}

.ops-header__id {
  opacity: 0.85;
  font-size: 0.85rem;
}

.ops-role {
  display: inline-block;
  padding: 0 8px;
  font-size: 0.8rem;
  font-weight: 700;
  color: var(--brand-dark);
  background: #fff;
  border-radius: 4px;
}

.ops-body {
  flex: 1;
  display: flex;
  align-items: stretch;
}

.ops-nav {
  flex: 0 0 220px;
  background: var(--surface);
  border-right: 1px solid var(--border);
  padding: 16px 0;
}

.ops-nav ul {
  list-style: none;
  margin: 0;
  padding: 0;
  position: sticky;
  top: 0;
}

.ops-nav a,
.ops-nav__signout {
  display: block;
  width: 100%;
  min-height: 44px;
  padding: 10px 20px;
  font: inherit;
  text-align: left;
  color: var(--text);
  text-decoration: none;
  background: none;
  border: 0;
  border-left: 4px solid transparent;
  cursor: pointer;
}

.ops-nav a:hover,
.ops-nav__signout:hover {
  background: var(--info-bg);
}

.ops-nav a[aria-current="page"] {
  font-weight: 700;
  color: var(--brand);
  background: var(--info-bg);
  border-left-color: var(--brand);
}

.ops-nav__signout {
  margin-top: 16px;
  border-top: 1px solid var(--border);
  color: var(--muted);
}

.ops-main {
  flex: 1;
  min-width: 0;
  padding: 16px 32px 48px;
  max-width: 1400px;
}

.ops--signed-out .ops-main {
  max-width: 520px;
  margin: 32px auto 0;
  padding: 16px;
}

.ops .button {
  min-height: 40px;
  padding: 0 16px;
}

.ops .input {
  min-height: 40px;
}

.ops-mono {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9em;
}

.ops-nowrap {
  white-space: nowrap;
}

.ops-code {
  display: block;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.75rem;
  color: var(--muted);
}

.ops-table th,
.ops-table td {
  padding: 8px 10px;
}

.ops-table tbody tr:hover {
  background: #f8fafc;
}

.ops .ops-table .button {
  min-height: 32px;
  padding: 0 12px;
  white-space: nowrap;
}

.ops-table a {
  font-weight: 700;
}

.ops-table .ops-check {
  width: 44px;
  text-align: center;
}

.ops-check input {
  width: 20px;
  height: 20px;
  cursor: pointer;
}

.ops-badges {
  display: inline-flex;
  flex-wrap: wrap;
  gap: 4px;
}

.badge--neutral {
  color: var(--muted);
  background: #f1f3f6;
}

.ops-outcome {
  font-size: 0.85rem;
  font-weight: 700;
}

.ops-outcome--failure,
.ops-outcome--failed,
.ops-outcome--denied,
.ops-outcome--rejected {
  color: var(--error);
}

.ops-outcome--success,
.ops-outcome--ok {
  color: var(--success);
}

.ops-detail {
  max-width: 360px;
  font-size: 0.8rem;
  color: var(--muted);
  overflow-wrap: anywhere;
}

.ops-search {
  margin-bottom: 8px;
}

.ops-search__row {
  display: flex;
  gap: 8px;
  max-width: 640px;
}

.ops-search__row .input {
  flex: 1;
}

.ops-status-line {
  min-height: 1.7em;
  margin: 8px 0;
  color: var(--muted);
}

.ops-status-line:empty {
  margin: 0;
}

.ops-grid {
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr);
  gap: 16px;
  align-items: start;
}

.ops-panel {
  background: var(--surface);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  padding: 12px 16px;
}

.ops-panel .section-title {
  margin-top: 0;
}

.ops-section {
  margin-top: 24px;
}

.ops-actions {
  display: flex;
  flex-direction: column;
  gap: 8px;
}

.ops-actions .hint {
  margin: 0;
}

.ops-props {
  margin: 0;
}

.ops-props div {
  display: grid;
  grid-template-columns: 12em minmax(0, 1fr);
  gap: 8px;
  padding: 6px 0;
  border-top: 1px solid #e3e8ef;
}

.ops-props div:first-child {
  border-top: 0;
}

.ops-props dt {
  font-weight: 700;
  color: var(--muted);
}

.ops-props dd {
  margin: 0;
  overflow-wrap: anywhere;
}

.ops-props--compact div {
  grid-template-columns: 9em minmax(0, 1fr);
}

.ops-back {
  margin: 0 0 12px;
}

.ops-form {
  max-width: 760px;
}

.ops-line {
  border: 1px dashed var(--border);
  border-radius: var(--radius);
  margin: 0;
  padding: 8px 12px 12px;
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr);
  gap: 12px;
  align-items: start;
}

.ops-line__legend {
  font-weight: 700;
  padding: 0 4px;
}

.ops-line__remove {
  grid-column: 1 / -1;
  justify-self: start;
}

.ops-add-line {
  align-self: flex-start;
}

.ops-next {
  list-style: none;
  display: flex;
  flex-wrap: wrap;
  gap: 12px;
  padding: 0;
  margin: 16px 0;
}

.ops-toolbar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
  margin: 8px 0;
}

.ops-toolbar__count {
  margin-right: auto;
  font-weight: 700;
}

.ops-more {
  margin: 12px 0;
  text-align: center;
}

.ops-filters {
  margin-bottom: 12px;
}

.ops-filters__set {
  display: grid;
  grid-template-columns: repeat(5, minmax(0, 1fr));
  gap: 12px;
}

.ops-filters__set .fieldset__legend {
  grid-column: 1 / -1;
}

.ops-filters__actions {
  display: flex;
  gap: 8px;
  align-items: center;
}

.ops-dialog {
  width: min(560px, calc(100vw - 32px));
  max-height: calc(100vh - 32px);
  padding: 0;
  border: 1px solid var(--border);
  border-radius: var(--radius);
  box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
}

.ops-dialog::backdrop {
  background: rgb(10 20 40 / 0.45);
}

.ops-dialog__form {
  display: flex;
  flex-direction: column;
  gap: 12px;
  padding: 20px;
}

.ops-dialog__title {
  margin: 0;
  font-size: 1.15rem;
}

.ops-dialog__body p {
  margin: 0 0 8px;
}

.ops-dialog__subject {
  font-weight: 700;
}

.ops-dialog__actions {
  display: flex;
  justify-content: flex-end;
  gap: 8px;
}

.ops-textarea {
  min-height: 5em;
  resize: vertical;
}

/* Tablets (768–1100 px): a narrower menu, the action panel under the account. */
@media (max-width: 1100px) {
  .ops-nav {
    flex-basis: 180px;
  }

  .ops-main {
    padding: 16px 16px 32px;
  }

  .ops-grid {
    grid-template-columns: minmax(0, 1fr);
  }

  .ops-filters__set {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
}

/* Below a tablet: the menu goes above the page. */
@media (max-width: 767px) {
  .ops-header {
    padding: 8px 12px;
    flex-wrap: wrap;
  }

  .ops-body {
    flex-direction: column;
  }

  .ops-nav {
    flex-basis: auto;
    border-right: 0;
    border-bottom: 1px solid var(--border);
    padding: 0;
  }

  .ops-nav ul {
    display: flex;
    flex-wrap: wrap;
  }

  .ops-nav a,
  .ops-nav__signout {
    width: auto;
    border-left: 0;
    border-bottom: 3px solid transparent;
    padding: 10px 12px;
  }

  .ops-nav a[aria-current="page"] {
    border-bottom-color: var(--brand);
  }

  .ops-nav__signout {
    margin-top: 0;
    border-top: 0;
  }

  .ops-line,
  .ops-filters__set {
    grid-template-columns: minmax(0, 1fr);
  }

  .ops-props div {
    grid-template-columns: minmax(0, 1fr);
    gap: 0;
  }
}

@media print {
  .ops-nav,
  .ops-header,
  .ops-toolbar {
    display: none;
  }
}

.ops-email {
  display: block;
}
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the console's stylesheet to the document (once). */
export function useOpsStyles(): void {
  if (sheet || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(OPS_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    /* an old browser: the console works unstyled beyond the app's own stylesheet */
  }
}
