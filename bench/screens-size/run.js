// How much JavaScript each screen page makes a browser download, gzipped, against the board's
// budget: a cheap TV stick on office Wi-Fi should have the hall board up in seconds.
// Run after `npm run build` (or `npm run build:web -w @talon/screens`):
//   node bench/screens-size/run.js [dist folder]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
/** The budget is the board's (issue 3); the other pages are printed against it for comparison. */
const BUDGETED_PAGE = 'board.html';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../apps/screens/dist'));
if (!existsSync(dist)) {
  console.error(`no build at ${dist}: run npm run build first`);
  process.exit(2);
}

/** Module scripts and modulepreload links: everything the page asks for before it can run. */
function entryScripts(html) {
  const found = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\s(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    const isModule = /type="module"/.test(tag) || /rel="modulepreload"/.test(tag);
    if (src && isModule) found.push(src);
  }
  return found;
}

/** Static imports inside a chunk (`import ... from "./x.js"`, `import "./x.js"`); dynamic ones load later and are counted apart. */
function importsOf(code) {
  const statics = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]);
  const dynamics = [...code.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]);
  return { statics, dynamics };
}

function fileOf(url, fromFile) {
  if (url.startsWith('/')) return join(dist, url);
  return resolve(dirname(fromFile), url);
}

function measurePage(page) {
  const htmlFile = join(dist, page);
  const html = readFileSync(htmlFile, 'utf8');
  const loaded = new Map();
  const lazy = new Set();
  const visit = (file) => {
    if (loaded.has(file)) return;
    const code = readFileSync(file);
    loaded.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const { statics, dynamics } = importsOf(code.toString('utf8'));
    statics.forEach((url) => visit(fileOf(url, file)));
    dynamics.forEach((url) => lazy.add(fileOf(url, file)));
  };
  entryScripts(html).forEach((url) => visit(fileOf(url, htmlFile)));
  const files = [...loaded.entries()].map(([file, size]) => ({ file: file.slice(dist.length + 1), ...size }));
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { page, files, total, lazy: [...lazy].filter((f) => !loaded.has(f)).map((f) => f.slice(dist.length + 1)) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pages = readdirSync(dist).filter((f) => f.endsWith('.html')).sort();
let overBudget = false;
for (const page of pages) {
  const { files, total, lazy } = measurePage(page);
  const ratio = total.gzip / BUDGET_BYTES;
  const budgeted = page === BUDGETED_PAGE;
  if (budgeted && ratio > 1) overBudget = true;
  console.log(`\n${page}${budgeted ? ' (budget applies)' : ''}`);
  console.log(`  ${'file'.padEnd(40)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)}`);
  }
  console.log(`  ${'total'.padEnd(40)} ${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)}`);
  console.log(`  against ${kb(BUDGET_BYTES)} budget: ${ratio.toFixed(2)}x${budgeted ? (ratio > 1 ? '  OVER BUDGET' : '  within budget') : ''}`);
  if (lazy.length) console.log(`  loaded later on demand: ${lazy.join(', ')}`);
}
process.exitCode = overBudget ? 1 : 0;
