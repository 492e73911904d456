/** `plan import`: a work-plan document to a draft plan folder, with a report of what was uncertain. */
import { countOf } from '../render/labels.js';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { decodeDocument, type Encoding } from '../importer/decode.js';
import { planFiles } from '../importer/files.js';
import { importDocument } from '../importer/index.js';
import { readOne } from '../load/plan-files.js';
import type { Unit, UnitGroup } from '../model.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { importReport } from '../render/import-report.js';
import { assembleUnits, type RawUnits } from '../validate/index.js';
import { checkShape } from '../validate/shape.js';
import { paintFor, print, writeFileAtomic, type Context } from './context.js';

export interface ImportOptions {
  out?: string;
  units?: string;
  dryRun?: boolean;
  force?: boolean;
  encoding: Encoding | 'auto';
}

export async function importPlan(ctx: Context, document: string, options: ImportOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (!options.dryRun && options.out === undefined) throw new UsageError('import-needs-out');
  let bytes: Buffer;
  try {
    bytes = readFileSync(document);
  } catch (e) {
    throw new UsageError('document-unreadable', { file: document, reason: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
  const decoded = decodeDocument(bytes, options.encoding);
  if (!decoded.ok) {
    if (decoded.reason === 'binary') throw new UsageError('document-binary', { file: document });
    throw new UsageError('document-encoding', { file: document, ...(decoded.encoding && { encoding: decoded.encoding }) });
  }

  const known = options.units === undefined ? undefined : await readUnits(ctx, options.units);
  const sourceName = basename(document);
  const draft = importDocument(decoded.text, { sourceName, ...(known && { known: known.data }) });
  const files = planFiles(draft, sourceName);
  // Units resolved without additions: keep the given file as it is, comments and all.
  if (known && !draft.newUnits) files.set('units.yaml', known.text);

  const report = importReport(draft.report, decoded.encoding, ctx.lang);
  if (options.dryRun) {
    print(report);
    for (const [name, text] of files) print(`\n# ----- ${name}\n${text}`);
  } else {
    const out = options.out!;
    if (isNonEmptyFolder(out) && !options.force) {
      throw new UsageError('out-not-empty', { dir: out });
    }
    // With --force, task files this import does not write would double the tasks: remove them.
    for (const stale of listTaskFiles(out)) if (!files.has(`tasks/${stale}`)) unlinkSync(join(out, 'tasks', stale));
    for (const [name, text] of files) writeFileAtomic(join(out, name), text);
    print(report);
    print(zh ? `已写入 ${files.size} 个文件到 ${out}。下一步：plan check --plan ${out}` : `wrote ${countOf(files.size, 'file')} to ${out}; next: plan check --plan ${out}`);
  }
  const uncertain = draft.report.problems.filter((p) => p.kind !== 'no-deadline');
  if (uncertain.length > 0) throw new ExitCode(EXIT.findings);
}

async function readUnits(ctx: Context, file: string): Promise<{ data: { units: Unit[]; groups: UnitGroup[] }; text: string }> {
  const read = await readOne({ kind: 'units', file, stem: 'units' });
  const diagnostics = 'diagnostic' in read ? [read.diagnostic] : checkShape('units', file, read.data);
  if ('diagnostic' in read || diagnostics.length > 0) {
    process.stderr.write(DIAGNOSTIC_FORMATS.stylish({ diagnostics, lang: ctx.lang, paint: await paintFor({ ...ctx, color: false }) }));
    throw new UsageError('units-file-unusable', { file });
  }
  return { data: assembleUnits(read.data as RawUnits), text: readFileSync(file, 'utf8') };
}

function isNonEmptyFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

function listTaskFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'tasks')).filter((n) => n.endsWith('.yaml'));
  } catch {
    return [];
  }
}
