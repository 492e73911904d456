/**
 * The encoded plan against the source document: every 〔…〕 annotation in the
 * seed is exactly one task, with the same units and deadline, read here
 * independently of the plan files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPlanFiles } from '../../src/load/plan-files.js';
import type { PlanData } from '../../src/model.js';
import { validatePlan } from '../../src/validate/index.js';
import { EMBEDDED_PLAN, ROOT } from '../helpers.js';

const seed = readFileSync(join(ROOT, 'seeds/000_5ec73ae414d12c57.txt'), 'utf8');
/** Each annotation with the line of the source it stands on. */
const annotations = [...seed.matchAll(/〔([^〕]*(?:牵头单位|责任单位|完成时限)[^〕]*)〕/g)].map((m) => ({
  text: m[1]!,
  line: seed.slice(0, m.index).split('\n').length,
}));

function lastDayOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The deadline wordings DOMAIN.md lists. */
function deadlineOf(text: string): string {
  let m = /^(\d{4})年(\d{1,2})月底前$/.exec(text);
  if (m) return lastDayOfMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?前$/.exec(text);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  throw new Error(`unknown deadline wording ${text}`);
}

let data: PlanData;
beforeAll(async () => {
  const result = await validatePlan(EMBEDDED_PLAN, listPlanFiles(EMBEDDED_PLAN), { now: new Date('2021-09-01T00:00:00Z') });
  expect(result.diagnostics).toEqual([]);
  data = result.data!;
});

describe('the embedded plan against the seed', () => {
  it('has 22 annotations and 22 tasks', () => {
    expect(annotations).toHaveLength(22);
    expect(data.tasks).toHaveLength(22);
  });

  it('matches every annotation to exactly one task with the same owners and deadline', () => {
    const idOf = (name: string): string => {
      const unit = data.units.find((u) => u.short === name || u.name === name || u.aliases.includes(name));
      const group = data.groups.find((g) => g.name === name || g.aliases.includes(name));
      const id = unit?.id ?? group?.id;
      if (!id) throw new Error(`no unit or group is called ${name}`);
      return id;
    };
    const used = new Set<string>();
    for (const { text: annotation, line } of annotations) {
      const parts = Object.fromEntries(
        annotation.split(/[;；]/).map((p) => {
          const [label, value] = p.split(/[:：]/);
          return [label!.trim(), value!.trim()];
        }),
      );
      const open = /等相关部门$/.test(parts['牵头单位'] ?? '');
      const list = (s: string | undefined): string[] => (s ? s.replace(/等相关部门$/, '').split(/[、,，]/).map(idOf) : []);
      // Several annotations read alike; the task's source reference names the line.
      const matching = data.tasks.filter((t) => t.source?.endsWith(`:${line}`));
      expect(matching, annotation).toHaveLength(1);
      const task = matching[0]!;
      expect(task.annotation).toBe(`〔${annotation}〕`);
      expect(used.has(task.id)).toBe(false);
      used.add(task.id);
      expect({ lead: task.lead, leadOpen: task.leadOpen, responsible: task.responsible }, annotation).toEqual({ lead: list(parts['牵头单位']), leadOpen: open, responsible: list(parts['责任单位']) });
      if (parts['完成时限']) {
        expect([task.deadline, task.deadlineText, task.ongoing]).toEqual([deadlineOf(parts['完成时限']), parts['完成时限'], false]);
      } else {
        // 三(二): the source gives no deadline; the plan must not invent one.
        expect([task.deadline, task.ongoing, task.reviewOn.length > 0, task.deadlineNote !== undefined]).toEqual([null, true, true, true]);
      }
      expect(seed).toContain(task.text);
    }
  });

  it('keeps the one task without a deadline as an explicit exception: 三(二)', () => {
    expect(data.tasks.filter((t) => t.deadline === null).map((t) => t.id)).toEqual(['3.2']);
  });

  it('sets the checkpoints the closing paragraph gives', () => {
    expect(data.plan.checkpoints.map((c) => [c.date, c.reporters, c.recipient])).toEqual([
      ['2021-09-05', ['towns', 'leads:departments'], 'gov-office'],
      ['2021-12-05', ['towns', 'leads:departments'], 'gov-office'],
    ]);
  });
});
