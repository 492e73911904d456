/** `plan site --out public/`: the static progress site, for any web server or file://. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { buildSite } from '../site/pages.js';
import { loadValidPlan, print, type Context } from './context.js';
import { writeOutput } from '../store/index.js';

export interface SiteCommandOptions {
  out?: string;
  public?: boolean;
}

export async function site(ctx: Context, options: SiteCommandOptions): Promise<void> {
  if (options.out === undefined) throw new UsageError('site-needs-out');
  const { data, asOf } = await loadValidPlan(ctx, true);
  const files = buildSite(buildLedger(data, asOf), { lang: ctx.lang, public: options.public === true });
  // Unit ids and task ids are ASCII without / (the schemas say so): safe paths under --out.
  for (const f of files) writeOutput(join(options.out, f.path), f.text);
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  print(ctx.lang === 'zh' ? `已写入 ${pages} 个页面到 ${options.out}（打开 ${join(options.out, 'index.html')}）` : `wrote ${pages} pages to ${options.out} (open ${join(options.out, 'index.html')})`);
}
