/**
 * The words only the workbooks (form and ledger) use, in Chinese and English;
 * the column words they share with the reports come from render/labels.ts (t). Lights
 * get a fill colour from a map keyed by light with a default, so a new light
 * needs only its word (render/labels.ts) and, if it wants one, a colour here.
 */
import type { TaskState } from '../model.js';
import { TASK_STATES } from '../model.js';
import { stateWord } from '../render/labels.js';
import type { Lang } from '../render/lang.js';

const W = {
  // The form
  formSheet: { zh: '台账', en: '台账' },
  formTitle: { zh: '工作台账填报表', en: 'progress form (工作台账)' },
  fillIn: {
    zh: '请于 {date} 前填写白底各列（状态、进展情况、佐证材料、完成日期、说明/原因），保存后报送{recipient}。灰底各列请勿改动。',
    en: 'Fill in the white columns (state, progress, evidence, completion date, reason) and return this file to {recipient} by {date}. Leave the grey columns as they are.',
  },
  fillRules: {
    zh: '状态可选：{states}。已完成请填完成日期（YYYY-MM-DD）；受阻、不适用请写明原因。佐证材料每行一个链接或文件名。确需延期的，请在时限前填写申请延期至的日期和理由。制表日期：{asOf}。',
    en: 'States: {states}. For done, give the completion date (YYYY-MM-DD); for blocked or not applicable, give the reason. Evidence: one link or file name per line. To ask for more time, give the date and why, before the deadline. Made on {asOf}.',
  },
  reason: { zh: '说明/原因', en: 'Reason / note' },
  extendTo: { zh: '申请延期至', en: 'More time until' },
  extendReason: { zh: '延期理由', en: 'Why more time' },
  returnReason: { zh: '退回意见（办公室填写）', en: 'Returned because (the office)' },
  stateCol: { zh: '状态', en: 'State' },
  pickState: { zh: '请从列表中选择状态', en: 'Choose a state from the list' },
  pickDate: { zh: '请填写日期，如 2021-09-03', en: 'Enter a date such as 2021-09-03' },
  // The ledger workbook
  tasksSheet: { zh: '任务总表', en: 'Tasks' },
  unitsSheet: { zh: '单位台账', en: 'Unit ledger' },
  overdueSheet: { zh: '逾期清单', en: 'Overdue' },
  returnsSheet: { zh: '报送情况', en: 'Form returns' },
  totalCount: { zh: '单位数', en: 'Units' },
  share: { zh: '完成率', en: 'Share done' },
  recipient: { zh: '接收单位', en: 'Recipient' },
  received: { zh: '报送日期', en: 'Received' },
  returnState: { zh: '报送情况', en: 'Return' },
  file: { zh: '文件', en: 'File' },
  returned: { zh: '已报送', en: 'returned' },
  notReturned: { zh: '未报送', en: 'not returned' },
  lateReturn: { zh: '逾期未报送', en: 'overdue' },
} as const;

export type WordKey = keyof typeof W;

export function w(key: WordKey, lang: Lang, args: Record<string, string> = {}): string {
  return W[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m);
}

/** The states as the form lists them, in the drop-down's order. */
export function stateChoices(lang: Lang): string[] {
  return TASK_STATES.map((s) => stateWord(s, lang));
}

/** A state as a unit may write it: either language's word, or its id. */
export function stateFromWord(text: string): TaskState | undefined {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const state of TASK_STATES) {
    if (s === state || s === stateWord(state, 'zh') || s === stateWord(state, 'en') || s === state.replace('_', ' ')) return state;
  }
  return undefined;
}

/** ARGB fills of the lights; a light without one gets the default. */
const LIGHT_FILLS: Record<string, string> = {
  red: 'FFF4C7C3',
  yellow: 'FFFCE8B2',
  green: 'FFB7E1CD',
  'done-late': 'FFF9CB9C',
  ongoing: 'FFC9DAF8',
  blocked: 'FFD5A6BD',
  awaiting: 'FFCFE2F3',
};
const DEFAULT_FILL = 'FFE0E0E0';

export function lightFill(light: string): string {
  return LIGHT_FILLS[light] ?? DEFAULT_FILL;
}
