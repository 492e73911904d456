/** What a document says about itself: number, issuer, title, dates, higher documents. */
import type { HigherDocument } from '../model.js';
import type { DraftPlan, Problem } from './types.js';

const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、,，.．]\s*(.*)$/;
/** A document number: 林政办发〔2021〕17号, 国办发[2021]12号, 国办发（2021）12号. */
const NUMBER = /([\u4e00-\u9fa5]{1,12}[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号)/;
const TITLE_END = /(?:实施方案|工作方案|工作要点|行动方案|任务分工方案|分工方案|责任分工|任务分工|重点任务清单|任务清单|责任清单|清单|方案|计划|要点|安排|措施|任务分解表|分解表)$/;
const TITLE_LINE = /^[\u4e00-\u9fa5\d“”（）()《》、—\-－·]{4,80}$/;

export type Facts = Pick<DraftPlan, 'id' | 'title' | 'document' | 'issuer' | 'signed' | 'published' | 'implements'> & { year?: number };

function isoOf(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A metadata line of a government portal: 成文日期：2021-04-20, 发文字号：…, 标题：…. */
function metadata(lines: string[], labels: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:${labels})\\s*[:：]\\s*([^\\s：:]+(?:[ \\t][^\\s：:]+)*?)(?=\\s{2,}|\\s*$|\\s*(?:索引号|主题分类|发文机关|发布机构|成文日期|发文字号|文号|发布日期|标题|名称|有效性|主题词)[:：])`);
  for (const l of lines.slice(0, 80)) {
    const m = re.exec(l.trim());
    if (m) return m[1]!.trim();
  }
  return undefined;
}

function dateOf(text: string | undefined): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
  return m ? isoOf(m[1]!, m[2]!, m[3]!) : undefined;
}

export function documentFacts(lines: string[], problems: Problem[]): Facts {
  const firstBody = lines.findIndex((l) => SECTION.test(l.trim()));
  const headLines = lines.slice(0, firstBody < 0 ? 60 : Math.max(firstBody, 1));
  const head = headLines.join('\n');
  const preamble = lines.slice(0, firstBody < 0 ? 40 : firstBody).join('\n');
  // The document's own number: from a metadata line, or standing where a number stands (its own line, or
  // before the issuer's 关于… title) — never one inside brackets after a cited 《title》.
  const metaNumber = metadata(lines, '发文字号|文号');
  const ownNumber =
    (metaNumber && NUMBER.exec(metaNumber)?.[1]) ??
    headLines
      .map((l) => l.trim())
      .map((l) => {
        const m = NUMBER.exec(l);
        if (!m) return undefined;
        const before = l.slice(0, m.index);
        // Cited: 《…》（国办发〔2021〕12号） or 根据…（…号）.
        if (/[《》]/.test(before) || /[（(]$/.test(before.trim()) || /[（(]\s*$/.test(l.slice(0, m.index))) return undefined;
        if (m.index === 0 || /关于/.test(l.slice(m.index + m[0].length)) || l.length <= m[0].length + 4) return m[1];
        // Run into the notice's title or the letterhead before it: …的通知国办函〔2024〕31号.
        if (/(?:通知|文件)[\u4e00-\u9fa5]{1,8}[〔\[【（(]/.test(m[1]!)) return m[1];
        return undefined;
      })
      .find((x) => x);
  // A number run into the letterhead before it (…办公室文件白政办发〔2024〕9号): the number starts after it.
  const docNumber = ownNumber?.replace(/\s+/g, '').replace(/^.*(?:文件|通知|办公室|办公厅|人民政府)(?=[\u4e00-\u9fa5]{1,8}[〔\[【（(])/, '');
  const metaIssuer = metadata(lines, '发文机关|发布机构|发文单位');
  const issuer =
    metaIssuer ??
    /(?:号)?([\u4e00-\u9fa5]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|局|委|部))关于(?:印发|开展|做好|进一步)/.exec(head)?.[1];
  const issuerLine = (): string | undefined => {
    // 北川省人民政府办公厅 / 关于印发…: the issuer on a line of its own above the 关于 line.
    const i = headLines.findIndex((l, k) => k > 0 && /^\s*关于/.test(l));
    const above = i > 0 ? headLines.slice(0, i).reverse().find((l) => l.trim())?.trim() : undefined;
    return above && /^[\u4e00-\u9fa5（）()]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|局|委|部)$/.test(above) ? above : undefined;
  };
  const issuerFound = metaIssuer ?? letterhead(headLines) ?? issuer ?? issuerLine() ?? signer(lines, signedEarly(lines));
  const metaTitle = metadata(lines, '标题|名称');
  const titleLine = findTitle(lines.slice(0, firstBody < 0 ? 60 : firstBody + 1));
  const noticeTitle = /关于印发(.+?)的通知/.exec(head.replace(/\n/g, ''))?.[1];
  const metaSigned = dateOf(metadata(lines, '成文日期|成文时间|印发日期'));
  const dateLine = (l: string): string | undefined => {
    const m = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(l);
    return m ? isoOf(m[1]!, m[2]!, m[3]!) : undefined;
  };
  const signedBefore = headLines.map(dateLine).find((d) => d);
  // Signed at the end: the last date line before the annexes (附件) or the end.
  const annex = lines.findIndex((l, i) => i > firstBody && /^\s*附件/.test(l));
  const bodyEnd = annex > 0 ? annex : lines.length;
  const signedAfter = lines.slice(Math.max(firstBody, bodyEnd - 30), bodyEnd).map(dateLine).filter((d) => d).pop();
  const signed = metaSigned ?? signedBefore ?? signedAfter ?? signedAfterOffice(lines.slice(0, Math.max(firstBody, 1))) ?? undefined;
  const pub = dateOf(metadata(lines, '发布日期|发布时间|公开日期')) ?? (() => {
    const m = /发布(?:时间|日期)[:：]\s*(\d{4})[/\-年.](\d{1,2})[/\-月.](\d{1,2})/.exec(head);
    return m ? isoOf(m[1]!, m[2]!, m[3]!) : undefined;
  })();
  const published = pub;
  const implementsList: HigherDocument[] = [];
  for (const m of preamble.matchAll(/《([^》]{1,100})》\s*[（(]([^（()）]{1,30}?[〔\[【（(]?\d{4}[〕\]】）)]?\d+号)[）)]/g)) {
    if (m[2] !== docNumber) implementsList.push({ number: m[2]!, title: m[1]! });
  }
  const title = metaTitle && TITLE_END.test(metaTitle.replace(/的通知$/, '')) && !/关于/.test(metaTitle) ? metaTitle : (titleLine ?? noticeTitle?.replace(/[《》]/g, '') ?? metaTitle ?? lines.find((l) => l.trim() && !l.startsWith('\u0000'))?.trim() ?? '');
  // The year tasks' 年底前 and 6月底前 belong to: the one year the title names, else the signing year.
  const titleYears = [...(title.match(/\d{4}(?=\s*年)/g) ?? [])];
  const yearText = (titleYears.length === 1 ? titleYears[0] : undefined) ?? signed?.slice(0, 4) ?? /\d{4}/.exec(docNumber ?? '')?.[0] ?? titleYears[0];
  const year = yearText ? Number(yearText) : undefined;
  if (!docNumber) problems.push({ line: 1, kind: 'missing-fact', text: '', fact: 'number' });
  if (!signed) problems.push({ line: 1, kind: 'missing-fact', text: '', fact: 'signed' });
  if (!issuerFound) problems.push({ line: 1, kind: 'missing-fact', text: '', fact: 'issuer' });
  const numberDigits = /(\d{4})\D+(\d+)\s*号/.exec(docNumber ?? '');
  return {
    id: numberDigits ? `plan-${numberDigits[1]}-${numberDigits[2]}` : `plan-${year ?? 'draft'}`,
    title: title || '（标题未识别）',
    document: docNumber ?? '（文号未识别）',
    issuer: issuerFound ?? '（发文机关未识别）',
    ...(signed && { signed }),
    ...(published && { published }),
    ...(year !== undefined && { year }),
    implements: implementsList,
  };
}

/** The letterhead (版头) carries the office's full name: 石门县人民政府办公室文件. */
function letterhead(head: string[]): string | undefined {
  for (const l of head.slice(0, 6)) {
    const m = /^\s*([\u4e00-\u9fa5（）()]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|局|委|部))\s*文件/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

/** In text that lost its line breaks, the signature runs into its date: …人民政府办公室2024年2月20日. */
function signedAfterOffice(lines: string[]): string | undefined {
  const m = /(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(lines.join(''));
  return m ? isoOf(m[1]!, m[2]!, m[3]!) : undefined;
}

/** Whether any line is a date line (the signature's date), for signer(). */
function signedEarly(lines: string[]): string | undefined {
  return lines.some((l) => /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(l)) ? 'yes' : undefined;
}

/** The office that signs above the date at the end: 青禾县人民政府办公室 / 2021年4月20日. */
function signer(lines: string[], signed: string | undefined): string | undefined {
  if (!signed) return undefined;
  for (let i = lines.length - 1; i > 0; i--) {
    if (!/^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(lines[i]!)) continue;
    const above = lines.slice(0, i).reverse().find((l) => l.trim())?.trim();
    if (above && /^[\u4e00-\u9fa5（）()]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|局|委|部)$/.test(above)) return above;
  }
  return undefined;
}

/** The title: one line, or two or three short lines that together end like a title. */
function findTitle(lines: string[]): string | undefined {
  const t = lines.map((l) => l.trim());
  /** A line that can be the first part of a broken title: no sentence, no date, no signature, no notice. */
  const fragment = (l: string): boolean =>
    TITLE_LINE.test(l) && !TITLE_END.test(l) && !/关于|通知|号$|^(?:附件|各|为|根据)/.test(l) && !/^\d{4}\s*年\s*\d{1,2}\s*月/.test(l) && !/(?:政府|办公室|办公厅|委员会|领导小组)$/.test(l);
  const ok = (s: string): boolean => TITLE_LINE.test(s) && TITLE_END.test(s) && !s.includes('关于') && !/^(?:附件|各|为|根据)/.test(s);
  const i = t.findIndex((l) => l && l.length <= 80 && ok(l));
  if (i >= 0) {
    // The line may be the end of a title broken over lines: 青禾县2021年优化营商环境 / 工作实施方案.
    let title = t[i]!;
    for (let k = i - 1, n = 0; k >= 0 && n < 2; k--) {
      const above = t[k]!;
      if (!above) continue;
      if (above.length > 40 || !fragment(above)) break;
      title = above + title;
      n++;
    }
    return title;
  }
  // A title broken over lines: 林口县2021年政务公开 / 工作实施方案. Not a date line or a signature.
  const startableLine = (l: string): boolean => TITLE_LINE.test(l) && !/^\d{4}\s*年\s*\d{1,2}\s*月/.test(l) && !/(?:政府|办公室|办公厅|委员会|领导小组)$/.test(l);
  for (let i = 0; i < t.length; i++) {
    if (!t[i] || t[i]!.length > 40 || !startableLine(t[i]!)) continue;
    let joined = t[i]!;
    for (let k = i + 1; k < Math.min(t.length, i + 4); k++) {
      if (!t[k]) continue;
      if (t[k]!.length > 30 || /[。，：:；]/.test(t[k]!) || !TITLE_LINE.test(t[k]!)) break;
      joined += t[k];
      if (ok(joined)) return joined;
    }
  }
  return undefined;
}
