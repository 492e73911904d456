/** What a document says about itself: number, issuer, title, dates, higher documents, checkpoints. */
import type { Checkpoint, HigherDocument } from '../model.js';
import type { DraftPlan, Problem } from './index.js';
import type { NameBook } from './names.js';

const SECTION = /^([一二三四五六七八九十]{1,3})、\s*(.*)$/;

export type Facts = Pick<DraftPlan, 'id' | 'title' | 'document' | 'issuer' | 'signed' | 'published' | 'implements'> & { year?: number };

export function documentFacts(lines: string[], problems: Problem[]): Facts {
  const head = lines.slice(0, 40).join('\n');
  const firstBody = lines.findIndex((l) => SECTION.test(l.trim()));
  const preamble = lines.slice(0, firstBody < 0 ? 40 : firstBody).join('\n');
  const docNumber = /([\u4e00-\u9fa5]{1,10}〔\d{4}〕\d+号)/.exec(head)?.[1];
  const issuer = /(?:号)?([\u4e00-\u9fa5]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局))关于(?:印发|开展|做好)/.exec(head)?.[1];
  const titleLine = lines
    .slice(0, firstBody < 0 ? 60 : firstBody)
    .map((l) => l.trim())
    .find((l) => /^[\u4e00-\u9fa5\d“”]{4,50}(?:实施方案|工作方案|工作要点|行动方案|方案|计划)$/.test(l) && !l.includes('关于'));
  const noticeTitle = /关于印发(.+?)的通知/.exec(head)?.[1];
  const signedMatch = lines
    .slice(0, firstBody < 0 ? 60 : firstBody)
    .map((l) => /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/.exec(l))
    .find((m) => m);
  const signed = signedMatch ? `${signedMatch[1]}-${signedMatch[2]!.padStart(2, '0')}-${signedMatch[3]!.padStart(2, '0')}` : undefined;
  const pub = /发布(?:时间|日期)[:：]\s*(\d{4})[/\-年.](\d{1,2})[/\-月.](\d{1,2})/.exec(head);
  const published = pub ? `${pub[1]}-${pub[2]!.padStart(2, '0')}-${pub[3]!.padStart(2, '0')}` : undefined;
  const implementsList: HigherDocument[] = [];
  for (const m of preamble.matchAll(/《([^》]+)》\s*[（(]([^（()）]*?〔\d{4}〕\d+号)[）)]/g)) implementsList.push({ number: m[2]!, title: m[1]! });
  const yearText = signed?.slice(0, 4) ?? /〔(\d{4})〕/.exec(docNumber ?? '')?.[1] ?? /(\d{4})年/.exec(titleLine ?? noticeTitle ?? '')?.[1];
  const year = yearText ? Number(yearText) : undefined;
  const title = titleLine ?? noticeTitle?.replace(/^《|》$/g, '') ?? lines.find((l) => l.trim())?.trim() ?? '';
  if (!docNumber) problems.push({ line: 1, kind: 'missing-fact', text: '文号' });
  if (!signed) problems.push({ line: 1, kind: 'missing-fact', text: '成文日期' });
  if (!issuer) problems.push({ line: 1, kind: 'missing-fact', text: '发文机关' });
  const numberDigits = /〔(\d{4})〕(\d+)号/.exec(docNumber ?? '');
  return {
    id: numberDigits ? `plan-${numberDigits[1]}-${numberDigits[2]}` : `plan-${year ?? 'draft'}`,
    title,
    document: docNumber ?? '（文号未识别）',
    issuer: issuer ?? '（发文机关未识别）',
    ...(signed && { signed }),
    ...(published && { published }),
    ...(year !== undefined && { year }),
    implements: implementsList,
  };
}

/** "…于2021年9月5日、12月5日两个时间节点，将…报县政府办公室" → one checkpoint per date. */
export function findCheckpoints(lines: string[], year: number | undefined, names: NameBook): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const sentence of lines.flatMap((l) => l.trim().split('。'))) {
    const line = sentence.trim();
    const m = /^(.*?)要?于((?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[、和及至](?:\d{4}年)?\d{1,2}月\d{1,2}日)*)(?:两个|三个|四个)?(?:时间节点|前)?.*?报(?:送)?([\u4e00-\u9fa5]+?)$/.exec(line);
    if (!m || !/进展|落实|情况/.test(line)) continue;
    const reporters: string[] = [];
    for (const who of m[1]!.split(/[及和、,，]/).map((s) => s.trim()).filter(Boolean)) {
      if (/牵头单位/.test(who)) {
        // 县直各牵头单位: the lead units among 县直各单位, when the plan knows that group.
        const scope = names.knownGroup(who.replace('牵头', ''));
        reporters.push(scope === undefined ? 'leads' : `leads:${scope}`);
      }
      else reporters.push(names.id(who));
    }
    const recipient = names.id(m[3]!.replace(/^(?:至|给)/, ''));
    let y = year;
    for (const d of m[2]!.split(/[、和及至]/)) {
      const dm = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(d);
      if (!dm) continue;
      if (dm[1]) y = Number(dm[1]);
      if (y === undefined) continue;
      out.push({ date: `${y}-${dm[2]!.padStart(2, '0')}-${dm[3]!.padStart(2, '0')}`, reporters, recipient, source: `${line}。` });
    }
  }
  return out;
}

