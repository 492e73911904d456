/**
 * plan-ledger's own package.json. The code runs from dist/, from the bundle's
 * chunks in dist/bundle/ (at two depths) or from an installed copy in
 * node_modules/plan-ledger/, so no fixed relative path fits all: walk up
 * from this module to the first package.json that is ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OwnPackage {
  name: string;
  version: string;
}

export function ownPackage(): OwnPackage {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnPackage>;
      if (pkg.name === 'plan-ledger' && typeof pkg.version === 'string') return { name: pkg.name, version: pkg.version };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`plan-ledger's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
