import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ownedBy } from '~/server/domain/accounts/tenancy';
import type { CurrentUser } from '~/server/domain/accounts/users';
import type { Db } from '~/server/infra/db/client';
import { users, workflows, workflowVersions, type StoredStep } from '~/server/infra/db/schema';
import { AppError } from '~/server/errors';
import { updateWorkflow } from './workflows';

/**
 * Version history (SPEC P1): every save made an immutable version; the history lists them with
 * who and when, a diff says in steps what changed between two, and restore saves an old
 * version's name and steps as a new version (nothing is ever rewritten or deleted).
 */
export const versionsInputSchema = z.strictObject({
  id: z.uuid('Unknown workflow'),
  limit: z.number().int().min(1).max(100).default(50),
});
export const versionNumberSchema = z.number('Unknown version').int('Unknown version').min(1, 'Unknown version').max(1_000_000, 'Unknown version');
export const diffInputSchema = z.strictObject({ id: z.uuid('Unknown workflow'), from: versionNumberSchema, to: versionNumberSchema });
export const restoreInputSchema = z.strictObject({ id: z.uuid('Unknown workflow'), version: versionNumberSchema });

export const versionSummarySchema = z.object({
  version: z.number().int(),
  name: z.string(),
  stepCount: z.number().int(),
  createdAt: z.date(),
  author: z.string().nullable(),
  current: z.boolean(),
});

export const stepChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('renamed'), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('added'), stepId: z.string(), name: z.string(), position: z.number().int() }),
  z.object({ kind: z.literal('removed'), stepId: z.string(), name: z.string(), position: z.number().int() }),
  z.object({ kind: z.literal('moved'), stepId: z.string(), name: z.string(), from: z.number().int(), to: z.number().int() }),
  z.object({ kind: z.literal('changed'), stepId: z.string(), name: z.string(), field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
]);
export type StepChange = z.infer<typeof stepChangeSchema>;

type Deps = Parameters<typeof updateWorkflow>[0];

async function assertWorkflow(db: Db, user: CurrentUser, id: string) {
  const [row] = await db
    .select({ currentVersion: workflows.currentVersion })
    .from(workflows)
    .where(and(eq(workflows.id, id), ownedBy(workflows, user)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Workflow not found');
  return row;
}

export async function listVersions(deps: { db: Db }, user: CurrentUser, input: z.input<typeof versionsInputSchema>) {
  const { id, limit } = versionsInputSchema.parse(input);
  const { currentVersion } = await assertWorkflow(deps.db, user, id);
  const rows = await deps.db
    .select({
      version: workflowVersions.version,
      name: workflowVersions.name,
      steps: workflowVersions.steps,
      createdAt: workflowVersions.createdAt,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(workflowVersions)
    .leftJoin(users, and(eq(users.id, workflowVersions.createdBy), eq(users.tenantId, workflowVersions.tenantId)))
    .where(and(eq(workflowVersions.workflowId, id), ownedBy(workflowVersions, user)))
    .orderBy(desc(workflowVersions.version))
    .limit(limit);
  return {
    items: rows.map((r) => ({
      version: r.version,
      name: r.name,
      stepCount: r.steps.length,
      createdAt: r.createdAt,
      author: r.authorName?.trim() || r.authorEmail || null,
      current: r.version === currentVersion,
    })),
  };
}

async function versionsOf(db: Db, user: CurrentUser, id: string, numbers: number[]) {
  await assertWorkflow(db, user, id);
  const rows = await db
    .select({ version: workflowVersions.version, name: workflowVersions.name, steps: workflowVersions.steps })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, id), ownedBy(workflowVersions, user), inArray(workflowVersions.version, numbers)));
  const byNumber = new Map(rows.map((r) => [r.version, r]));
  return numbers.map((n) => {
    const row = byNumber.get(n);
    if (!row) throw new AppError('NOT_FOUND', `Version ${n} does not exist`);
    return row;
  });
}

const MAX_VALUE_TEXT = 500;
function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

/** Ids kept in the same relative order (longest common subsequence); the rest of the shared ids moved. */
function unmovedIds(before: string[], after: string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const len = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i]![j] = before[i] === after[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (before[i] === after[j]) {
      kept.add(before[i]!);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** What changed from one list of steps to another, step by step and field by field. */
export function diffSteps(before: { name: string; steps: readonly StoredStep[] }, after: { name: string; steps: readonly StoredStep[] }): StepChange[] {
  const changes: StepChange[] = [];
  if (before.name !== after.name) changes.push({ kind: 'renamed', from: before.name, to: after.name });
  const oldIndex = new Map(before.steps.map((s, i) => [s.id, i]));
  const newIndex = new Map(after.steps.map((s, i) => [s.id, i]));
  const shared = (list: readonly StoredStep[], other: Map<string, number>) => list.filter((s) => other.has(s.id)).map((s) => s.id);
  const kept = unmovedIds(shared(before.steps, newIndex), shared(after.steps, oldIndex));
  before.steps.forEach((s, i) => {
    if (!newIndex.has(s.id)) changes.push({ kind: 'removed', stepId: s.id, name: s.name, position: i + 1 });
  });
  after.steps.forEach((s, i) => {
    const was = oldIndex.get(s.id);
    if (was === undefined) {
      changes.push({ kind: 'added', stepId: s.id, name: s.name, position: i + 1 });
      return;
    }
    if (!kept.has(s.id)) changes.push({ kind: 'moved', stepId: s.id, name: s.name, from: was + 1, to: i + 1 });
    const old = before.steps[was]!;
    if (old.name !== s.name) changes.push({ kind: 'changed', stepId: s.id, name: s.name, field: 'name', before: old.name, after: s.name });
    if (old.type !== s.type) changes.push({ kind: 'changed', stepId: s.id, name: s.name, field: 'type', before: old.type, after: s.type });
    const fields = new Set([...Object.keys(old.config), ...Object.keys(s.config)]);
    for (const field of fields) {
      const a = asText(old.config[field]);
      const b = asText(s.config[field]);
      if (a !== b) changes.push({ kind: 'changed', stepId: s.id, name: s.name, field, before: a, after: b });
    }
  });
  return changes;
}

export async function diffVersions(deps: { db: Db }, user: CurrentUser, input: z.input<typeof diffInputSchema>) {
  const { id, from, to } = diffInputSchema.parse(input);
  const [a, b] = await versionsOf(deps.db, user, id, [from, to]);
  return { from, to, changes: diffSteps(a!, b!) };
}

/** Saves an old version's name and steps as the newest version (validated like any save). */
export async function restoreVersion(deps: Deps, user: CurrentUser, input: z.input<typeof restoreInputSchema>) {
  const { id, version } = restoreInputSchema.parse(input);
  const [old] = await versionsOf(deps.db, user, id, [version]);
  return updateWorkflow(deps, user, { id, name: old!.name, steps: old!.steps });
}
