/** `plan site --out public/`: the static progress site, for any web server or file://. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { buildSite } from '../site/pages.js';
import { loadValidPlan, print, type Context } from './context.js';
import { publishSite } from '../store/index.js';
import { adoptedScoresOf, placeAll } from './score.js';

export interface SiteCommandOptions {
  out?: string;
  public?: boolean;
  /** Write into a folder that holds files the site did not write (they are left alone). */
  force?: boolean;
}

export async function site(ctx: Context, options: SiteCommandOptions): Promise<void> {
  if (options.out === undefined) throw new UsageError('site-needs-out');
  const { data, asOf } = await loadValidPlan(ctx, true);
  const isPublic = options.public === true;
  // 考核评分: internal; on the public edition only when the office's scoring.yaml says public: true.
  const scores = data.scoring && (!isPublic || data.scoring.public) ? await adoptedScoresOf(ctx, data, asOf) : undefined;
  const score = scores && { ...scores, placed: await placeAll(scores.board, scores.rulesFile) };
  const files = buildSite(buildLedger(data, asOf), { lang: ctx.lang, public: isPublic, ...(score && { score }) });
  // Unit ids and task ids are ASCII without / (the schemas say so): safe paths under --out.
  const published = publishSite(options.out, files, { planDir: ctx.planDir, ...(options.force && { force: true }) });
  if (published.removed.length > 0) process.stderr.write(ctx.lang === 'zh' ? `已删除上次生成、本次不再有的 ${published.removed.length} 个页面。\n` : `removed ${published.removed.length} page(s) an earlier run wrote and this one did not\n`);
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  print(ctx.lang === 'zh' ? `已写入 ${pages} 个页面到 ${options.out}（打开 ${join(options.out, 'index.html')}）` : `wrote ${pages} pages to ${options.out} (open ${join(options.out, 'index.html')})`);
}
