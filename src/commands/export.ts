/** `plan export`: the resolved plan as JSON, a stable contract for scripts. */
import { json } from '../render/formats.js';
import { loadValidPlan, print, type Context } from './context.js';

export interface ExportOptions {
  /** Include the units' contact forms (personal data). */
  includeContacts?: boolean;
}

export async function exportPlan(ctx: Context, options: ExportOptions = {}): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx, true);
  const { plan } = data;
  print(
    json({
      asOf,
      plan: {
        id: plan.id,
        title: plan.title,
        document: plan.document,
        issuer: plan.issuer,
        signed: plan.signed,
        published: plan.published ?? null,
        implements: plan.implements,
        timezone: plan.timezone,
        warnDays: plan.warnDays,
        span: plan.span ?? null,
        checkpoints: plan.checkpoints.map((c) => ({ date: c.date, reporters: c.reporters, recipient: c.recipient })),
      },
      units: data.units.map((u) => ({
        id: u.id,
        name: u.name,
        short: u.short ?? null,
        aliases: u.aliases,
        kind: u.kind,
        ...(options.includeContacts && { contact: u.contact ?? null }),
      })),
      groups: data.groups.map((g) => ({ id: g.id, name: g.name, aliases: g.aliases, members: g.members, ...(g.membersUnknown && { membersUnknown: true }) })),
      tasks: data.tasks.map((t) => ({
        id: t.id,
        section: t.section,
        title: t.title,
        text: t.text,
        lead: t.lead,
        leadOpen: t.leadOpen,
        responsible: t.responsible,
        deadline: t.deadline,
        deadlineText: t.deadlineText,
        ongoing: t.ongoing,
        reviewOn: t.reviewOn,
        ...(t.milestones && { milestones: t.milestones }),
        source: t.source ?? null,
      })),
      statuses: data.statuses.map((s) => ({
        unit: s.unit,
        task: s.task,
        state: s.state,
        completed: s.completed ?? null,
        evidence: s.details?.evidence ?? [],
        note: s.details?.progress ?? null,
        reason: s.details?.reason ?? null,
        updated: s.updated ?? null,
      })),
    }),
  );
}
