// The source files the checks in scripts/ read: every .ts/.tsx file (not .d.ts)
// under the given folders, as paths relative to the repository root.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts/.tsx file under each of `dirs` (relative to `root`), in directory order. */
export function sourceFiles(root, dirs) {
  const walk = (dir) =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const rel = join(dir, name);
      if (statSync(join(root, rel)).isDirectory()) return walk(rel);
      return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
    });
  return dirs.flatMap(walk);
}
