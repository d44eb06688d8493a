// Issue 14: no source file over 250 lines without a reason stated at its top.
// A file under lib/, components/, entrypoints/ or cli/ longer than that fails
// the lint unless its first comment block (the first /* */ comment or run of
// // lines, wherever it stands; imports may come before it) has a line that
// starts with `Why this file is long:`, followed by the reason. The files
// allowed that way are listed with their reasons on every run, so that the
// exceptions stay in sight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './source-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['lib', 'components', 'entrypoints', 'cli'];
const MAX_LINES = 250;
const MARKER = 'Why this file is long:';

/** Lines as `wc -l` counts them: a last line without a newline still counts. */
function lineCount(text) {
  const lines = text.split('\n');
  return text.endsWith('\n') ? lines.length - 1 : lines.length;
}

/** The text of each line of the file's first comment block, without the comment markers. */
function firstCommentBlock(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*(\/\*|\/\/)/.test(l));
  if (start < 0) return [];
  const block = [];
  if (/^\s*\/\//.test(lines[start])) {
    for (let i = start; i < lines.length && /^\s*\/\//.test(lines[i]); i++) block.push(lines[i].replace(/^\s*\/\/+\s?/, ''));
    return block;
  }
  for (let i = start; i < lines.length; i++) {
    const end = lines[i].includes('*/');
    block.push(
      lines[i]
        .replace(/\*\/.*$/, '')
        .replace(/^\s*\/\*+\s?/, '')
        .replace(/^\s*\*\s?/, ''),
    );
    if (end) break;
  }
  return block;
}

/** The reason given after the marker (with the lines that continue it, up to a blank one), or undefined. */
function statedReason(text) {
  const block = firstCommentBlock(text);
  const at = block.findIndex((l) => l.trimStart().startsWith(MARKER));
  if (at < 0) return undefined;
  const words = [block[at].trimStart().slice(MARKER.length)];
  for (let i = at + 1; i < block.length && block[i].trim() !== ''; i++) words.push(block[i]);
  return words.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

const files = sourceFiles(root, DIRS);
const failures = [];
const allowed = [];
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  const lines = lineCount(text);
  if (lines <= MAX_LINES) continue;
  const reason = statedReason(text);
  if (reason) allowed.push(`  ${file} (${lines} lines): ${reason}`);
  else failures.push(`  ${file} (${lines} lines)`);
}

console.log(`check-sizes: over ${MAX_LINES} lines, with the reason stated at their top:\n${allowed.length ? allowed.join('\n') : '  (none)'}`);
if (failures.length) {
  console.error(
    `check-sizes: over ${MAX_LINES} lines with no reason stated (issue 14):\n${failures.join('\n')}\n` +
      `Split the file into cohesive parts, or say why it is long: a line starting with \`${MARKER}\` in its first comment block.`,
  );
  process.exit(1);
}
console.log(`check-sizes: ${files.length} files under ${DIRS.join('/, ')}/; none over ${MAX_LINES} lines without a reason`);
