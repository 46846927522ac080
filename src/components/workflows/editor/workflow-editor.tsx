'use client';

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '~/components/ui/button';
import { Card, CardDescription, CardTitle } from '~/components/ui/card';
import { useToast } from '~/components/ui/toast';
import type { DraftIssue } from '~/server/domain/workflows/validation';
import { useRouter } from '~/i18n/navigation';
import { cn } from '~/lib/cn';
import { api } from '~/trpc/react';
import { Field, inputClass } from './fields';
import { ADDABLE_TYPES, fromDraft, move, newStep, toDraft, type DraftStep } from './model';
import { StepForm } from './step-form';
import { VersionsPanel } from './versions-panel';

type Initial = { id: string; name: string; currentVersion?: number; steps: { id: string; name: string; type: string; config: Record<string, unknown> }[] };
type Preview = { stepId: string; words: string; timezone: string; next: Date[] };

const VALIDATE_DELAY_MS = 400;

/** Problems the server sent with a refused save (`data.details.issues`), if any. */
function issuesOf(error: unknown): DraftIssue[] | null {
  const details = (error as { data?: { details?: { issues?: unknown } | null } | null })?.data?.details;
  return Array.isArray(details?.issues) ? (details.issues as DraftIssue[]) : null;
}

/** Warns before unsaved changes are lost: closing or reloading the tab, or following a link. */
function useLeaveGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    // Capture phase on the document runs before the router's link handler.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, message]);
}

function SortableStep({
  step,
  index,
  count,
  expanded,
  issues,
  onToggle,
  onMove,
  onRemove,
  children,
}: {
  step: DraftStep;
  index: number;
  count: number;
  expanded: boolean;
  issues: readonly DraftIssue[];
  onToggle: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  children: React.ReactNode;
}) {
  const t = useTranslations('WorkflowEditor');
  const tw = useTranslations('Workflows');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: step.key });
  const panelId = useId();
  const n = index + 1;
  const label = step.name || t('newStepName');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={cn('rounded-lg border bg-surface-raised p-3', issues.length ? 'border-rose-400/70' : 'border-border', isDragging && 'relative z-10 shadow-xl')}
      data-testid="editor-step"
      data-step-id={step.id}
    >
      <div className="flex items-start gap-2">
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('dragHandle', { n, name: label })}
          className="mt-0.5 flex h-8 w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md border border-border text-fg-muted hover:text-fg"
          data-testid="drag-handle"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <div className="min-w-0 flex-1">
          <p className="break-words font-medium">
            <span className="text-fg-muted">{n}.</span> {label}
          </p>
          <p className="text-xs text-fg-muted">{tw(`stepTypes.${step.type}`)}</p>
          {!expanded && issues.length ? (
            <ul className="mt-1 text-sm text-rose-200">
              {issues.map((i, k) => (
                <li key={k}>{i.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-1">
        <Button variant="secondary" size="sm" aria-expanded={expanded} aria-controls={panelId} aria-label={expanded ? undefined : t('editStep', { n, name: label })} onClick={onToggle}>
          {expanded ? t('close') : t('edit')}
        </Button>
        <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('moveUp')}
        </Button>
        <Button variant="ghost" size="sm" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t('moveDown')}
        </Button>
        <Button variant="ghost" size="sm" aria-label={t('removeStep', { n, name: label })} onClick={onRemove}>
          {t('remove')}
        </Button>
      </div>
      <div id={panelId} hidden={!expanded} className="mt-3 border-t border-border/60 pt-3">
        {expanded ? children : null}
      </div>
    </li>
  );
}

/**
 * The workflow editor (SPEC P1): add, edit, remove and reorder steps with pointer or keyboard,
 * one small form per step type, every problem on its field as the user types (the server's own
 * checks, in the user's language), and a save that makes a new version. Unsaved changes are
 * never lost silently.
 */
export function WorkflowEditor({ initial }: { initial: Initial }) {
  const t = useTranslations('WorkflowEditor');
  const tw = useTranslations('Workflows');
  const toast = useToast();
  const router = useRouter();
  const utils = api.useUtils();
  const [name, setName] = useState(initial.name);
  const [steps, setSteps] = useState<DraftStep[]>(() => toDraft(initial.steps));
  const [saved, setSaved] = useState(() => JSON.stringify({ name: initial.name, steps: fromDraft(toDraft(initial.steps)) }));
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [addType, setAddType] = useState<(typeof ADDABLE_TYPES)[number]>('http_request');
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const revision = useRef(0);

  const payload = useMemo(() => fromDraft(steps), [steps]);
  const dirty = JSON.stringify({ name, steps: payload }) !== saved;
  useLeaveGuard(dirty, t('leaveConfirm'));

  // The server's checks while the user types (debounced; a stale answer is dropped).
  const validate = api.workflows.validate.useMutation();
  const { mutate: runValidate } = validate;
  useEffect(() => {
    const mine = ++revision.current;
    const timer = setTimeout(() => {
      runValidate(
        { steps: payload },
        {
          onSuccess: (r) => {
            if (mine !== revision.current) return;
            setIssues(r.issues);
            setPreviews(r.schedules);
          },
        },
      );
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [payload, runValidate]);

  const save = api.workflows.update.useMutation({
    onSuccess: async (w) => {
      setSaved(JSON.stringify({ name: w.name, steps: fromDraft(toDraft(w.steps)) }));
      toast.show(t('saved', { version: w.currentVersion }));
      await utils.workflows.versions.invalidate({ id: initial.id });
      router.refresh();
    },
    onError: (e) => {
      const found = issuesOf(e);
      if (found) {
        setIssues(found);
        setExpanded((prev) => new Set([...prev, ...found.filter((i) => i.step !== null).map((i) => steps[i.step! - 1]?.key ?? '')]));
      } else toast.show(e.message, 'error');
      summaryRef.current?.focus();
    },
  });

  const nameIssue = name.trim() ? [] : [{ step: null, stepId: null, field: 'workflowName', key: 'required', text: t('validation.required', { field: t('fields.workflowName') }), message: '' }];
  const issuesFor = (index: number) => issues.filter((i) => i.step === index + 1);
  const workflowIssues = issues.filter((i) => i.step === null);
  const previewFor = (step: DraftStep) => previews.find((p) => p.stepId === step.id);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (key: string | number) => steps.find((s) => s.key === key)?.name || t('newStepName');
  const positionOf = (key: string | number) => steps.findIndex((s) => s.key === key) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('pickedUp', { from: positionOf(active.id), name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('movedTo', { name: nameOf(active.id), to: positionOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('dropped', { name: nameOf(active.id), to: positionOf(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('cancelled', { name: nameOf(active.id), from: positionOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = steps.findIndex((s) => s.key === active.id);
    const to = steps.findIndex((s) => s.key === over.id);
    if (from >= 0 && to >= 0) setSteps((list) => move(list, from, to));
  };
  const moveTo = (from: number, to: number) => {
    const step = steps[from];
    if (!step || to < 0 || to >= steps.length) return;
    setSteps((list) => move(list, from, to));
    setAnnouncement(t('moved', { name: step.name || t('newStepName'), to: to + 1 }));
  };
  const update = (key: string, next: DraftStep) => setSteps((list) => list.map((s) => (s.key === key ? next : s)));
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const allIssues = [...nameIssue, ...issues];

  return (
    <>
    <Card aria-labelledby="editor-title" data-testid="workflow-editor">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <CardTitle id="editor-title">{t('title')}</CardTitle>
          <CardDescription>{t('lead')}</CardDescription>
        </div>
        <p className={cn('text-sm', dirty ? 'text-amber-200' : 'text-fg-muted')} role="status" data-testid="editor-state">
          {dirty ? t('unsaved') : t('allSaved')}
        </p>
      </div>

      <form
        className="mt-4 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) {
            summaryRef.current?.focus();
            return;
          }
          save.mutate({ id: initial.id, name: name.trim(), steps: payload });
        }}
      >
        <Field label={t('nameLabel')} issues={nameIssue}>
          {(p) => <input {...p} className={inputClass} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="editor-name" />}
        </Field>

        <div ref={summaryRef} tabIndex={-1} className="outline-none" data-testid="editor-issues">
          {allIssues.length ? (
            <div role="alert" className="rounded-lg border border-rose-500/40 bg-rose-950/50 p-3 text-sm text-rose-100">
              <p className="font-medium">{t('issuesTitle')}</p>
              <ul className="mt-1 list-disc pl-5">
                {[...workflowIssues, ...nameIssue].map((i, k) => (
                  <li key={`w${k}`}>{i.text}</li>
                ))}
                {issues
                  .filter((i) => i.step !== null)
                  .map((i, k) => (
                    <li key={k}>{i.message}</li>
                  ))}
              </ul>
            </div>
          ) : null}
        </div>

        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('dragInstructions') } }}
        >
          <SortableContext items={steps.map((s) => s.key)} strategy={verticalListSortingStrategy}>
            <ol className="space-y-3" aria-label={t('title')}>
              {steps.map((step, i) => (
                <SortableStep
                  key={step.key}
                  step={step}
                  index={i}
                  count={steps.length}
                  expanded={expanded.has(step.key)}
                  issues={issuesFor(i)}
                  onToggle={() => toggle(step.key)}
                  onMove={(to) => moveTo(i, to)}
                  onRemove={() => {
                    setSteps((list) => list.filter((s) => s.key !== step.key));
                    setAnnouncement(t('removeStep', { n: i + 1, name: step.name || t('newStepName') }));
                  }}
                >
                  <StepForm step={step} index={i} steps={steps} issues={issuesFor(i)} preview={previewFor(step)} onChange={(next) => update(step.key, next)} />
                </SortableStep>
              ))}
            </ol>
          </SortableContext>
        </DndContext>
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>

        <div className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-border p-3">
          <Field label={t('addStepType')} className="min-w-[12rem] flex-1">
            {(p) => (
              <select {...p} className={inputClass} value={addType} onChange={(e) => setAddType(e.target.value as typeof addType)} data-testid="add-step-type">
                {ADDABLE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {tw(`stepTypes.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button
            variant="secondary"
            data-testid="add-step"
            onClick={() => {
              const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
              const step = newStep(addType, tw(`stepTypes.${addType}`), steps, tz);
              setSteps((list) => [...list, step]);
              setExpanded((prev) => new Set([...prev, step.key]));
            }}
          >
            {t('addStep')}
          </Button>
        </div>

        <div className="flex flex-wrap justify-end gap-2">
          <Button
            variant="ghost"
            disabled={!dirty || save.isPending}
            onClick={() => {
              const last = JSON.parse(saved) as Initial;
              setName(last.name);
              setSteps(toDraft(last.steps));
            }}
          >
            {t('discard')}
          </Button>
          <Button type="submit" disabled={!dirty || save.isPending} data-testid="editor-save">
            {save.isPending ? t('saving') : t('save')}
          </Button>
        </div>
      </form>
    </Card>
    {initial.currentVersion ? <VersionsPanel workflowId={initial.id} currentVersion={initial.currentVersion} dirtyHint={dirty} /> : null}
    </>
  );
}
