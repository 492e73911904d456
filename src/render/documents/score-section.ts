/** 考核情况: the section of the checkpoint summary that gives the units' scores (when the plan has a scoring policy). */
import type { Scoreboard } from '../../ledger/score.js';
import { shortName } from '../../ledger/units.js';
import { pointsWord, scoreLabel, t } from '../labels.js';
import { tally } from '../reports/score.js';
import { documentDate, type Block } from './document.js';
import type { Lang } from '../lang.js';

export function scoreBlocks(b: Scoreboard, rulesFile: string, lang: Lang): Block[] {
  const zh = lang === 'zh';
  const scheme = b.scoring.title ?? rulesFile;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: zh
        ? `按《${scheme}》，依据台账记录计分，截至${documentDate(b.to, lang)}各单位得分如下。每一项得分所依规则和记录见评分明细。`
        : `Scored from the ledger's record by ${scheme}, as of ${b.to}. The rule and the record behind every point are in the score lines.`,
    },
  ];
  if (b.units.length === 0) return [...blocks, { kind: 'paragraph', text: scoreLabel('nothingScored', lang) }];
  blocks.push({
    kind: 'table',
    header: [scoreLabel('rank', lang), t('unit', lang), scoreLabel('total', lang), scoreLabel('added', lang), scoreLabel('deducted', lang)],
    numeric: [0, 2, 3, 4],
    rows: b.units.map((u) => {
      const { added, deducted } = tally(u);
      return [String(u.rank), shortName(u.unit), String(u.total), pointsWord(added), pointsWord(deducted)];
    }),
  });
  return blocks;
}
