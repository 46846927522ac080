import type { Locale } from '~/i18n/locales';
import type { TenantState } from '~/server/infra/db/schema';
import { fill, ONBOARDING_ITEM_IDS, plural, textsFor, trialTextFor, type OnboardingItemId } from '../help/catalog';

/**
 * Local onboarding (SPEC A2): next steps from the workspace's real progress. The facts come
 * from the database (src/server/domain/ai/progress.ts); this part is pure.
 */
export type OnboardingFacts = {
  workflows: number;
  activeWorkflows: number;
  /** The workspace has asked the AI workflow builder before. */
  usedBuilder: boolean;
  /** The user has a referral_codes row (their link was created). */
  hasReferralCode: boolean;
  plan: 'starter' | 'growth' | 'pro' | 'business';
  status: TenantState;
  /** Whole days left in the trial (rounded up), null when not trialing or no end date. */
  trialDaysLeft: number | null;
};

export type ChecklistItem = { id: OnboardingItemId; title: string; done: boolean; href: string };
export type OnboardingAnswer = {
  answer: string;
  steps: string[];
  checklist: ChecklistItem[];
  progress: { done: number; total: number };
  trialDaysLeft: number | null;
};

const HREF: Record<OnboardingItemId, string> = {
  create_workflow: '/dashboard/workflows',
  try_builder: '/dashboard#ai-workflow-builder',
  activate_workflow: '/dashboard/workflows',
  share_referral: '/dashboard#growth',
  choose_plan: '/pricing',
};

export function isDone(id: OnboardingItemId, f: OnboardingFacts): boolean {
  switch (id) {
    case 'create_workflow':
      return f.workflows > 0;
    case 'try_builder':
      return f.usedBuilder;
    case 'activate_workflow':
      return f.activeWorkflows > 0;
    case 'share_referral':
      return f.hasReferralCode;
    case 'choose_plan':
      return f.status === 'active';
  }
}

export function onboardingLocally(locale: Locale, facts: OnboardingFacts): OnboardingAnswer {
  const texts = textsFor(locale).onboarding;
  const checklist = ONBOARDING_ITEM_IDS.map((id) => ({ id, title: texts.items[id].title, done: isDone(id, facts), href: HREF[id] }));
  const done = checklist.filter((c) => c.done).length;
  const total = checklist.length;
  const open = checklist.filter((c) => !c.done);
  const trialing = facts.status === 'trialing' && facts.trialDaysLeft !== null;

  // When the trial is nearly over, choosing a plan comes first.
  if (trialing && facts.trialDaysLeft! <= 2) {
    const i = open.findIndex((c) => c.id === 'choose_plan');
    if (i > 0) open.unshift(...open.splice(i, 1));
  }

  const lines = [done === total ? texts.allDone : fill(texts.progress, { done, total })];
  if (trialing) {
    lines.push(facts.trialDaysLeft === 0 ? texts.trialEndsToday : plural(locale, texts.trialDaysLeft, facts.trialDaysLeft!));
    if (facts.trialDaysLeft! <= 2) lines.push(fill(texts.trialReminder, { trial: trialTextFor(locale) }));
  }
  return {
    answer: lines.join(' '),
    steps: open.slice(0, 3).map((c) => texts.items[c.id].action),
    checklist,
    progress: { done, total },
    trialDaysLeft: trialing ? facts.trialDaysLeft : null,
  };
}
