/**
 * tsx scripts/ai-eval.ts   (npm run ai:eval)
 *
 * The local AI engine on its held-out set (tests/fixtures/ai-heldout.json, written before tuning
 * and never tuned on): the workflow builder's exact-order rate (the step types in the expected
 * order) and the help chat's right-passage rate (the answer comes from the expected article and
 * its first sentence holds the expected words). Prints each miss, then the two rates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '~/i18n/locales';
import { answerHelpLocally } from '~/server/domain/ai/engine/chat';
import { buildWorkflowLocally } from '~/server/domain/ai/engine/workflow';

type BuilderCase = { locale: Locale; query: string; steps: string[] };
type ChatCase = { locale: Locale; query: string; article: string; passage: string };
type HeldOut = { builder: BuilderCase[]; chat: ChatCase[] };
type HeldOutFile = HeldOut & { builder_fresh: BuilderCase[]; chat_fresh: ChatCase[] };

export function evaluateHeldOut(set: HeldOut) {
  const builderMisses: string[] = [];
  for (const c of set.builder) {
    const got = buildWorkflowLocally({ query: c.query, locale: c.locale, userEmail: 'me@example.com' }).steps.map((s) => s.type);
    if (got.join() !== c.steps.join()) builderMisses.push(`builder [${c.locale}] ${c.query}\n    expected ${c.steps.join(' > ')}\n    got      ${got.join(' > ')}`);
  }
  const chatMisses: string[] = [];
  for (const c of set.chat) {
    const answer = answerHelpLocally(c.locale, c.query);
    const article = answer.sources[0]?.id ?? '(none)';
    // Passage level: the answer's first sentence must hold the expected words (an article's
    // whole summary does not count as the right passage).
    const first = answer.answer.split(/(?<=[.!?。])\s*/u)[0] ?? '';
    const ok = answer.matched && article === c.article && first.toLowerCase().includes(c.passage.toLowerCase());
    if (!ok) chatMisses.push(`chat [${c.locale}] ${c.query}\n    expected ${c.article} ~ "${c.passage}"\n    got      ${article}: ${answer.answer.slice(0, 140)}`);
  }
  return {
    builder: { total: set.builder.length, exact: set.builder.length - builderMisses.length, misses: builderMisses },
    chat: { total: set.chat.length, right: set.chat.length - chatMisses.length, misses: chatMisses },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.resolve(import.meta.dirname, '../tests/fixtures/ai-heldout.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as HeldOutFile;
  const pct = (a: number, b: number) => `${a}/${b} (${Math.round((a / b) * 100)}%)`;
  for (const [label, set] of [
    ['first held-out set', { builder: all.builder, chat: all.chat }],
    ['fresh held-out set', { builder: all.builder_fresh, chat: all.chat_fresh }],
  ] as const) {
    const result = evaluateHeldOut(set);
    console.log(`\n== ${label}`);
    for (const m of [...result.builder.misses, ...result.chat.misses]) console.log(m);
    console.log(`builder exact-order rate: ${pct(result.builder.exact, result.builder.total)}`);
    console.log(`chat right-passage rate:  ${pct(result.chat.right, result.chat.total)}`);
  }
}
