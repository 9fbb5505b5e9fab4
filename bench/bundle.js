#!/usr/bin/env node
// Gzipped size of the PWA's initial JavaScript and CSS: what index.html loads before the first screen.
// Run after `npm run build:client`. Target: initial JS ≤ 90 KB gzipped.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dir = path.resolve(__dirname, '../dist/client');
const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const refs = (re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
const scripts = refs(/<script[^>]*\ssrc="?([^"\s>]+)/g);
const styles = refs(/<link[^>]*href="?([^"\s>]+\.css)/g);

const measure = (files) =>
  files.map((file) => {
    const raw = readFileSync(path.join(dir, file));
    return {
      file,
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw).length,
    };
  });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = (label, rows) => {
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  for (const r of rows)
    console.log(`  ${r.file}: ${kb(r.raw)} raw, ${kb(r.gzip)} gzip, ${kb(r.brotli)} brotli`);
  console.log(`${label}: ${total} bytes gzipped (${kb(total)})`);
  return total;
};

console.log('Initial JavaScript');
const js = report('initial JS', measure(scripts));
console.log('Initial CSS');
const css = report('initial CSS', measure(styles));
// The goal (issue 15): 60 KiB. With urql as the GraphQL client the initial JS is ~41 KiB (it was ~89 KiB
// with Apollo Client 4, rxjs and graphql-js, ~61 KiB of which for a two-document app alone).
const budget = 60 * 1024;
console.log(
  `\nbundle: js_gzip_bytes=${js} css_gzip_bytes=${css} budget_js=${budget} ${js <= budget ? 'WITHIN' : 'OVER'} budget`,
);
