/**
 * `plan collect`: returned forms back into the ledger. Each file is checked
 * whole (workbook/read-form.ts) before anything is written; a file with any
 * problem changes nothing, while the valid files of the same run still apply.
 * Changes go through record.ts, the locked, checked, atomic path of `plan
 * update`, with history records naming the form and its SHA-256; the form is
 * marked received for its checkpoint (报送情况).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { shortName } from '../ledger/units.js';
import { readBounded } from '../load/bounded-read.js';
import { lineDiff } from '../render/reports/diff.js';
import { countOf } from '../render/labels.js';
import { renderTable } from '../render/table.js';
import { formProblemText } from '../workbook/messages.js';
import type { FormProblem, FormRow } from '../workbook/read-form.js';
import { fileSha256 } from '../workbook/fingerprint.js';
import { WORKBOOK_LIMITS } from '../workbook/zip-guard.js';
import { loadValidPlan, print, refusalText, type Context } from './context.js';
import { editReview, editStatus, readSecret, recordForUnit, recordReturn, secretFile, type StatusChange } from '../store/index.js';

export interface CollectOptions {
  dryRun?: boolean;
  trustUnsigned?: boolean;
}

interface Outcome {
  unit: string;
  file: string;
  changed: number;
  unchanged: number;
  refused: number;
}

/** Office files a folder may hold; every one is looked at, so a macro file is refused aloud rather than skipped. */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xltx|xltm|xls|ods)$/i;

export async function collect(ctx: Context, paths: string[], options: CollectOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  const files = formFiles(paths);
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf);
  // Without the office's key no signature can be checked: said once, before any form is read.
  const secret = secretFile(ctx.planDir);
  const key = readSecret(secret);
  if (key === undefined && options.trustUnsigned !== true) throw new UsageError('collect-no-secret', { file: secret });
  const { default: excel } = await import('exceljs');
  const { readForm, zipProblem } = await import('../workbook/read-form.js');
  const { isOds } = await import('../workbook/ods.js');
  const { odsToXlsx } = await import('./ods.js');
  const outcomes: Outcome[] = [];

  for (const file of files) {
    const name = basename(file);
    const bytes = readBytes(file);
    if (typeof bytes === 'string') {
      const problem: FormProblem =
        bytes === 'too-large' ? { code: 'wb-too-large', args: { size: statSync(file).size, limit: WORKBOOK_LIMITS.fileBytes } } : bytes === 'not-a-file' ? { code: 'wb-not-a-workbook', args: {} } : { code: 'wb-unreadable', args: { reason: bytes } };
      process.stderr.write(`${formProblemText(problem, name, ctx.lang)}\n`);
      outcomes.push({ unit: '—', file: name, changed: 0, unchanged: 0, refused: 1 });
      continue;
    }
    // A form saved as .ods is read through LibreOffice, as the .xlsx it converts it to.
    let book = bytes;
    if (isOds(name, bytes)) {
      const converted = odsToXlsx(bytes);
      if (!converted.ok) {
        process.stderr.write(`${formProblemText(zipProblem(converted.problem), name, ctx.lang)}\n`);
        outcomes.push({ unit: '—', file: name, changed: 0, unchanged: 0, refused: 1 });
        continue;
      }
      book = converted.bytes;
    }
    const reading = await readForm(excel, book, name, ledger, { ...(key !== undefined && { key }), trustUnsigned: options.trustUnsigned === true });
    for (const w of reading.warnings) process.stderr.write(`${zh ? '提示：' : 'warning: '}${formProblemText(w, name, ctx.lang)}\n`);
    if (!reading.ok) {
      for (const p of reading.problems) process.stderr.write(`${formProblemText(p, name, ctx.lang)}\n`);
      const unit = reading.unit !== undefined ? ledger.unitsById.get(reading.unit) : undefined;
      outcomes.push({ unit: unit ? shortName(unit) : '—', file: name, changed: 0, unchanged: 0, refused: reading.problems.length });
      continue;
    }
    const unit = ledger.unitsById.get(reading.unit)!;
    const sha256 = fileSha256(bytes);
    const changes = reading.rows.map((r) => ({ row: r, change: changeOf(r, { file: name, sha256 }) })).filter((c) => c.change !== undefined);
    // Requests for more time the form makes: recorded after the row's own change, late ones marked so (the form cannot say --late).
    const requests = reading.rows.filter((r) => r.extension !== undefined);
    const recorded = await recordForUnit(
      ctx,
      unit.id,
      asOf,
      (before) => {
        let text = before;
        for (const { row, change } of changes) text = editStatus(text, unit.id, row.task, change!, asOf).text;
        for (const row of requests) text = editReview(text, unit.id, row.task, { kind: 'request', by: unit.id, to: row.extension!.to, reason: row.extension!.reason, late: true }, asOf, row.assignment.task.deadline).text;
        text ??= `# yaml-language-server: $schema=../../src/validate/schemas/status.schema.json\nunit: ${unit.id}\n`;
        return { text: recordReturn(text, { checkpoint: reading.meta.checkpoint, received: asOf, file: name, sha256 }), result: undefined };
      },
      { dryRun: options.dryRun === true },
    );
    if (recorded.errors.length > 0) {
      process.stderr.write(zh ? `${name}：填报内容不符合计划规则，未写入：\n` : `${name}: what the form says would break the plan's rules; nothing written:\n`);
      process.stderr.write(await refusalText(ctx, recorded));
      outcomes.push({ unit: shortName(unit), file: name, changed: 0, unchanged: 0, refused: recorded.errors.length });
      continue;
    }
    if (options.dryRun) print(lineDiff(recorded.before ?? '', recorded.after, recorded.file, ctx.lang));
    const touched = new Set([...changes.map((c) => c.row.task), ...requests.map((r) => r.task)]).size;
    outcomes.push({ unit: shortName(unit), file: name, changed: touched, unchanged: reading.rows.length - touched, refused: 0 });
  }

  const table = renderTable(
    [{ header: zh ? '单位' : 'Unit' }, { header: zh ? '文件' : 'File', flex: true, min: 12 }, { header: zh ? '更新' : 'Changed', align: 'right' }, { header: zh ? '未变' : 'Unchanged', align: 'right' }, { header: zh ? '拒收问题' : 'Refused', align: 'right' }],
    outcomes.map((o) => [o.unit, o.file, String(o.changed), String(o.unchanged), o.refused === 0 ? '—' : String(o.refused)]),
    ctx.columns,
  );
  const refused = outcomes.filter((o) => o.refused > 0).length;
  const applied = outcomes.length - refused;
  const verb = options.dryRun ? (zh ? '可写入' : 'would apply') : zh ? '已写入' : 'applied';
  print(`${table}\n${zh ? `${outcomes.length} 个文件：${verb} ${applied} 个，拒收 ${refused} 个（${asOf}）` : `${countOf(outcomes.length, 'file')}: ${applied} ${verb}, ${refused} refused (${asOf})`}`);
  if (refused > 0) throw new ExitCode(EXIT.findings);
}

/** What a row changes in the ledger; undefined when it says what the ledger already says. */
function changeOf(r: FormRow, source: { file: string; sha256: string }): StatusChange | undefined {
  const a = r.assignment;
  const d = a.entry?.details;
  const had = new Set(d?.evidence ?? []);
  const evidence = r.evidence.filter((e) => !had.has(e));
  const change: StatusChange = { evidence, source };
  let changed = r.state !== a.state || evidence.length > 0;
  if (r.state !== a.state) change.state = r.state;
  else change.state = r.state;
  if (r.progress !== undefined && r.progress !== d?.progress) {
    change.progress = r.progress;
    changed = true;
  }
  if (r.completed !== undefined && r.completed !== a.entry?.completed) {
    change.completed = r.completed;
    changed = true;
  }
  if (r.reason !== undefined && r.reason !== d?.reason) {
    change.reason = r.reason;
    changed = true;
  }
  return changed ? change : undefined;
}

/** The forms named: files as given, folders by their office files (not hidden ones, not Office's ~$ lock files). */
function formFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new UsageError('collect-path-missing', { path: p });
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    for (const n of readdirSync(p).sort()) if (WORKBOOK_FILE.test(n) && !n.startsWith('.') && !n.startsWith('~$')) out.push(join(p, n));
  }
  if (out.length === 0) throw new UsageError('collect-nothing', { paths: paths.join(', ') });
  return out;
}

/** The file's bytes, read only when it is under the limit; a folder or device is not a workbook. */
function readBytes(file: string): Buffer | 'too-large' | 'not-a-file' | string {
  const read = readBounded(file, WORKBOOK_LIMITS.fileBytes);
  if (read.ok) return read.bytes;
  if (read.problem === 'too-large' || read.problem === 'not-a-file') return read.problem;
  return read.problem === 'missing' ? 'ENOENT' : (read.code ?? 'error');
}
