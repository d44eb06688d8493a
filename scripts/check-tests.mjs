// Issue 14, parts 6 and 7, held by the lint:
// - the unit tree mirrors the source tree: every file under test/unit is a
//   test named after the source file it tests (the rule is RULE below), and
//   that source file exists; shared helpers live in test/helpers;
// - comments point to files that exist: a repository path named in a comment
//   under the folders in COMMENT_DIRS (a file, a folder, or a pattern with
//   {a,b}, <name> or * in it) must match something in the repository; so must
//   a relative path (one starting ./ or ../) with a file extension, resolved
//   against the folder of the file whose comment names it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const UNIT = 'test/unit';
/** Top folders whose tests keep the folder's name in their path; lib/ is dropped, and test/mirror/ is mirror/. */
const KEPT = ['components', 'entrypoints', 'cli'];
const RULE =
  'test/unit/<path>.test.ts(x) tests <path>.ts(x) under lib/ (lib/ dropped: lib/pith/binding.ts -> test/unit/pith/binding.test.ts); ' +
  `paths under ${KEPT.map((d) => `${d}/`).join(', ')} keep their folder (components/popup/Popup.tsx -> test/unit/components/popup/Popup.test.tsx), ` +
  'and test/unit/mirror/ tests the local mirror in test/mirror/. An aspect of one file keeps a suffix: <path>.<aspect>.test.ts ' +
  '(resolver/cache.attacks.test.ts, ids/arxiv.properties.test.ts). Helpers shared by tests live in test/helpers/, not test/unit/.';
const COMMENT_DIRS = ['lib', 'components', 'entrypoints', 'cli', 'scripts', 'bench', 'test'];
/** The repository's top folders a comment may name a path in. Build outputs (dist/, .output/) are not among them. */
const PATH_ROOTS = ['lib', 'components', 'entrypoints', 'cli', 'scripts', 'bench', 'test', 'public', 'assets'];
/** Top-level files a comment may name without a folder. */
const TOP_FILE = /^(?:[A-Z][A-Z_]*\.md|package\.json|tsconfig\.json|knip\.json|[\w.-]+\.config\.(?:ts|js|mjs))$/;

/** The repository's files (tracked, or new and not ignored) that are on disk: the one listing both checks read. */
const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && existsSync(join(root, f)));
const under = (dir) => tracked.filter((f) => f.startsWith(`${dir}/`));
const isFile = (rel) => existsSync(join(root, rel)) && statSync(join(root, rel)).isFile();

// ---------- the unit tree mirrors the source tree ----------

/** The source files a test file's path may name, most specific first. */
function candidates(test) {
  const m = /^test\/unit\/(.+)\.test\.tsx?$/.exec(test);
  if (!m) return [];
  const path = m[1];
  // `a/b.c` is either the source a/b.c.ts (entrypoints/arxiv.content.ts) or the aspect `c` of a/b.ts.
  const bases = [path];
  const aspect = /^(.+)\.[a-z][a-z-]*$/.exec(path);
  if (aspect) bases.push(aspect[1]);
  const top = path.split('/')[0];
  const sources = bases.map((b) => (KEPT.includes(top) ? b : top === 'mirror' ? `test/${b}` : `lib/${b}`));
  return sources.flatMap((s) => [`${s}.ts`, `${s}.tsx`]);
}

const unitFiles = under(UNIT);
const unmapped = [];
for (const f of unitFiles) {
  if (!/\.test\.tsx?$/.test(f)) unmapped.push(`  ${f}: not a test (a helper shared by tests belongs in test/helpers/)`);
  else if (!candidates(f).some(isFile))
    unmapped.push(
      `  ${f}: no ${candidates(f)
        .filter((c) => c.endsWith('.ts'))
        .join(' or ')}(x)`,
    );
}

// ---------- comments point to files that exist ----------

/** The comments of a TypeScript/JavaScript file, with the line each starts on. */
function scriptComments(file, text) {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const seen = new Map();
  const add = (ranges) => {
    for (const r of ranges ?? []) if (!seen.has(r.pos)) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...seen].map(([pos, body]) => ({ line: sf.getLineAndCharacterOfPosition(pos).line + 1, body }));
}

function cssComments(text) {
  return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => ({ line: text.slice(0, m.index).split('\n').length, body: m[0] }));
}

/** `a/{b,c}.ts` → `a/b.ts`, `a/c.ts`. */
function expandBraces(p) {
  const m = /\{([^{}]*)\}/.exec(p);
  if (!m) return [p];
  return m[1].split(',').flatMap((alt) => expandBraces(p.slice(0, m.index) + alt + p.slice(m.index + m[0].length)));
}

/** Whether a path named in a comment is in the repository: a file, a folder, a module named without its extension, a pattern, or an output git ignores. */
function exists(p) {
  if (/[<*…]/.test(p)) {
    const dir = p.endsWith('/') ? '.*' : '';
    const body = p.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/<[^>]*>|\*+|…/g, '[^/]+');
    const re = new RegExp(`^${body}${dir}(\\.tsx?)?$`);
    return tracked.some((f) => re.test(f));
  }
  const bare = p.replace(/\/$/, '');
  if (existsSync(join(root, bare))) return true;
  return ['.ts', '.tsx', '/index.ts'].some((ext) => isFile(bare + ext)) || ignored(bare);
}

/** What git ignores is an output a run writes (bench/results.json), not a file the repository lacks. */
function ignored(p) {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', p], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PATH = new RegExp(`(?<![\\w./@-])(?:@/)?(\\.\\.?/[\\w./{},*<>…-]+|(?:${PATH_ROOTS.join('|')})/[\\w./{},*<>…-]*|[\\w.-]+\\.(?:md|json|ts|js|mjs))`, 'g');
/** A relative path (./ or ../) is a file path only with one of the extensions the repository's files have; `./` alone or `../lib` in prose is not. */
const RELATIVE_FILE = /\.(?:tsx?|mjs|js|json|md|css|html|svg|png|pem)$/;

/** `--list`: print every path named in a comment, not only the missing ones. */
const LIST = process.argv.includes('--list');
const stale = [];
const commentFiles = COMMENT_DIRS.flatMap(under).filter((f) => /\.(tsx?|mjs|js|css)$/.test(f) && !f.endsWith('.d.ts'));
for (const file of commentFiles) {
  const text = readFileSync(join(root, file), 'utf8');
  const comments = file.endsWith('.css') ? cssComments(text) : scriptComments(file, text);
  for (const { line, body } of comments) {
    for (const m of body.matchAll(PATH)) {
      // A sentence's full stop or comma is not part of the path.
      const named = m[1].replace(/[.,:;]+$/, '');
      if (!named.includes('/') && !TOP_FILE.test(named)) continue;
      // A relative path names a file from the commenting file's folder; one that leaves the repository is missing.
      const relative = named.startsWith('.');
      const paths = expandBraces(named).map((p) => (relative ? posix.join(posix.dirname(file), p) : p));
      if (relative && !paths.every((p) => RELATIVE_FILE.test(p))) continue;
      const missing = paths.filter((p) => p.startsWith('../') || !exists(p)).map((p) => (relative ? `${named} (${p})` : p));
      const at = line + body.slice(0, m.index).split('\n').length - 1;
      if (LIST) console.log(`  ${file}:${at}: ${named}${missing.length ? ' (missing)' : ''}`);
      for (const p of missing) stale.push(`  ${file}:${at}: ${p}`);
    }
  }
}

let failed = false;
if (unmapped.length) {
  failed = true;
  console.error(`check-tests: files under ${UNIT}/ that mirror no source file:\n${unmapped.join('\n')}\nThe rule (issue 14): ${RULE}`);
}
if (stale.length) {
  failed = true;
  console.error(`check-tests: comments naming repository paths that do not exist (issue 14: comments point to files that exist):\n${stale.join('\n')}`);
}
if (failed) process.exit(1);
console.log(
  `check-tests: ${unitFiles.length} files under ${UNIT}/ each mirror a source file; ` +
    `the paths named in the comments of ${commentFiles.length} files under ${COMMENT_DIRS.join('/, ')}/ all exist`,
);
