/**
 * The first lines of a new status file: the editor's `$schema` comment, pointing where it
 * resolves from the file's own folder, and a line in the plan's language on what the file is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { planLanguage } from '../load/plan-folder.js';

const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=(\S+)[ \t]*$/m;

export function statusHeader(planDir: string, unit: string): string {
  const schema = statusSchema(planDir);
  const about = planLanguage(planDir) === 'zh' ? `# ${unit} 的进展情况，用 \`plan update\` 填报。` : `# Progress of ${unit} (进展情况), kept with \`plan update\`.`;
  return `${schema === undefined ? '' : `# yaml-language-server: $schema=${schema}\n`}${about}\n`;
}

/**
 * Where status.schema.json is, seen from plan/status/: where plan.yaml's own comment points (the
 * rule `plan init` and `plan import` wrote it by), one folder deeper; else an installed
 * plan-ledger (or a checkout of it) in a folder at or above the plan; else none, rather than a
 * path that leads nowhere.
 */
function statusSchema(planDir: string): string | undefined {
  let planText = '';
  try {
    planText = readFileSync(join(planDir, 'plan.yaml'), 'utf8').slice(0, 16 * 1024);
  } catch {
    // no plan.yaml to follow: the search below
  }
  const own = SCHEMA_COMMENT.exec(planText)?.[1];
  if (own !== undefined && own.endsWith('/plan.schema.json')) {
    const status = own.replace(/plan\.schema\.json$/, 'status.schema.json');
    return /^[a-z][a-z0-9+.-]*:/i.test(status) || status.startsWith('/') ? status : `../${status}`;
  }
  const statusDir = resolve(planDir, 'status');
  for (let dir = resolve(planDir); ; dir = dirname(dir)) {
    for (const schemas of [join(dir, 'node_modules', 'plan-ledger', 'src', 'validate', 'schemas'), ...(isPlanLedger(dir) ? [join(dir, 'src', 'validate', 'schemas')] : [])]) {
      if (existsSync(join(schemas, 'status.schema.json'))) return `${relative(statusDir, schemas).split('\\').join('/')}/status.schema.json`;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function isPlanLedger(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'plan-ledger';
  } catch {
    return false;
  }
}

/** A new file's text with its leading comment lines (the editor's default header) replaced by `header`. */
export function withStatusHeader(text: string, header: string): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = text.slice(bom.length).replace(/^(?:#[^\n]*\n)*/, '');
  return bom + header + body;
}
