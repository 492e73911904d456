/** `plan import`: a work-plan document to a draft plan folder, with a report of what was uncertain. */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { countOf } from '../render/labels.js';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { dateIn } from '../calendar.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import type { Encoding } from '../importer/decode.js';
import { planFiles } from '../importer/files.js';
import { INFLATED_LIMIT, readForm } from '../importer/forms/read.js';
import { importDocument } from '../importer/index.js';
import { readBounded } from '../load/bounded-read.js';
import { FILE_LIMITS, readOne } from '../load/plan-files.js';
import type { Unit, UnitGroup } from '../model.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { importReport } from '../render/reports/import-report.js';
import { assembleUnits, type RawUnits } from '../validate/index.js';
import { checkShape } from '../validate/shape.js';
import { paintFor, print, type Context } from './context.js';
import { writeFileAtomic } from '../store/index.js';

export interface ImportOptions {
  out?: string;
  units?: string;
  dryRun?: boolean;
  force?: boolean;
  encoding: Encoding | 'auto';
  /** The issuing office's full name, when the document's own is missing or short. */
  office?: string;
}

export async function importPlan(ctx: Context, document: string, options: ImportOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (!options.dryRun && options.out === undefined) throw new UsageError('import-needs-out');
  const bytes = readDocumentBytes(document);
  const read = await readForm(bytes, basename(document), options.encoding);
  if (!read.ok) {
    const file = document;
    switch (read.reason) {
      case 'binary':
        throw new UsageError('document-binary', { file });
      case 'unknown-encoding':
      case 'not-this-encoding':
        throw new UsageError('document-encoding', { file, ...('encoding' in read && read.encoding && { encoding: read.encoding }) });
      case 'old-office':
        throw new UsageError('document-old-office', { file });
      case 'rtf':
        throw new UsageError('document-rtf', { file });
      case 'zip':
        throw new UsageError('document-zip', { file });
      case 'needs-ocr':
        throw new UsageError('document-needs-ocr', { file });
      case 'inflates-too-much':
        throw new UsageError('document-inflates-too-much', { file, limit: INFLATED_LIMIT / 1024 / 1024 });
      case 'corrupt':
        throw new UsageError('document-corrupt', { file, form: read.form, detail: ('detail' in read && read.detail) || '?' });
    }
  }

  // Checked before the importer runs: a document far larger than any work plan ends here, at once, with its size.
  const blocks = read.source.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : lineCount(b.text)), 0);
  if (blocks > IMPORT_BLOCK_LIMIT) throw new UsageError('document-too-many-blocks', { file: document, count: blocks, limit: IMPORT_BLOCK_LIMIT, size: bytes.length });
  const known = options.units === undefined ? undefined : await readUnits(ctx, options.units);
  const sourceName = basename(document);
  const today = ctx.asOf ?? dateIn('Asia/Shanghai', ctx.now);
  const office = options.office?.trim();
  const draft = importDocument(read.source, { sourceName, today, ...(office && { office }), ...(known && { known: known.data }) });
  const taskCount = draft.parts.reduce((n, p) => n + p.tasks.length, 0);
  // Each task file stays well inside what the reader takes: a large part is split into several files.
  const files = planFiles(draft, sourceName, options.out === undefined ? undefined : installedSchemas(options.out), FILE_LIMITS.bytes / 2);
  // Units resolved without additions: keep the given file as it is, comments and all.
  if (known && !draft.newUnits) files.set('units.yaml', known.text);

  const report = importReport(draft.report, { form: read.form, encoding: read.encoding }, ctx.lang);
  // Never silent: a document with no task is reported with what was seen, and nothing is written.
  if (taskCount === 0) {
    print(report);
    throw new ExitCode(EXIT.findings);
  }
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

/**
 * Lines and table rows a document may have. A province's plan has a few
 * thousand tasks; a county's, a few hundred. Beyond this the import would take
 * seconds per 10 MB and write a plan no one reviews: refused with the count.
 */
export const IMPORT_BLOCK_LIMIT = 50_000;

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Documents above this size are refused before they are read. */
export const DOCUMENT_LIMIT_MB = 20;

/**
 * The document's bytes, read with a bound: a device (/dev/zero), a pipe (which
 * would block), a folder or a file above the limit is refused before reading.
 */
function readDocumentBytes(file: string): Buffer {
  const read = readBounded(file, DOCUMENT_LIMIT_MB * 1024 * 1024);
  if (read.ok) return read.bytes;
  if (read.problem === 'not-a-file') throw new UsageError('document-not-a-file', { file });
  if (read.problem === 'too-large') throw new UsageError('document-too-large', { file, limit: DOCUMENT_LIMIT_MB });
  throw new UsageError('document-unreadable', { file, reason: read.problem === 'missing' ? 'ENOENT' : (read.code ?? 'error') });
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

/**
 * Where the installed package's schemas are, seen from the plan folder: node_modules/plan-ledger in the
 * folder or one above it (the plan repository `plan init` makes installs it). None: no `$schema` comment.
 */
function installedSchemas(out: string): string | undefined {
  const planDir = resolve(out);
  for (let dir = planDir; ; dir = dirname(dir)) {
    const schemas = join(dir, 'node_modules', 'plan-ledger', 'src', 'validate', 'schemas');
    if (existsSync(join(schemas, 'plan.schema.json'))) return relative(planDir, schemas).split('\\').join('/');
    if (dirname(dir) === dir) return undefined;
  }
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
