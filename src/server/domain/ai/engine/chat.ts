import type { Locale } from '~/i18n/locales';
import { AI_MAX_SOURCES } from '../config';
import { helpArticle, HELP_ARTICLE_IDS, textsFor, type HelpArticle, type HelpArticleId } from '../help/catalog';
import { createBm25Index } from '../text';

/**
 * Local help chat (SPEC A2): Okapi BM25 retrieval over Levqor's own help articles in the
 * user's locale. Each article is indexed with its localised title (weighted), keywords, answer
 * and steps, plus its English title and keywords, so a question typed in English still finds
 * the article in another locale. The best article is the topic; the answer is its passage (a
 * sentence of its summary or one of its steps) that fits the question best, so two questions on
 * one topic ("how do I cancel?", "what does the Growth plan cost?") get different answers
 * (issue 16). Close runners-up are cited too.
 */
export type ChatSource = { id: HelpArticleId; title: string; href: string };
export type ChatAnswer = { answer: string; steps: string[]; sources: ChatSource[]; matched: boolean };

/** Below this BM25 score the best article is a guess, not an answer. */
const MIN_SCORE = 1.2;
/** Runners-up are cited when they score at least this share of the best article. */
const RUNNER_UP_SHARE = 0.45;
const SUGGESTIONS: HelpArticleId[] = ['getting-started', 'workflows', 'ai-credits'];

const indexes = new Map<Locale, ReturnType<typeof createBm25Index<HelpArticleId>>>();

function indexFor(locale: Locale) {
  let index = indexes.get(locale);
  if (!index) {
    const local = textsFor(locale).help;
    const english = textsFor('en').help;
    index = createBm25Index(
      HELP_ARTICLE_IDS.map((id) => {
        const t = local[id];
        const parts = [t.title, t.title, t.keywords, t.keywords, t.summary, ...t.steps];
        if (locale !== 'en') parts.push(english[id].title, english[id].keywords);
        return { id, text: parts.join('\n') };
      }),
    );
    indexes.set(locale, index);
  }
  return index;
}

export function retrieveArticles(locale: Locale, query: string, limit = AI_MAX_SOURCES): { article: HelpArticle; score: number }[] {
  const hits = indexFor(locale).search(query, limit + 2);
  const best = hits[0];
  if (!best || best.score < MIN_SCORE) return [];
  return hits
    .filter((h) => h.score >= best.score * RUNNER_UP_SHARE)
    .slice(0, limit)
    .map((h) => ({ article: helpArticle(locale, h.id), score: h.score }));
}

const toSource = (a: HelpArticle): ChatSource => ({ id: a.id, title: a.title, href: a.href });

/** An article's passages: the sentences of its summary, then its steps. */
export function passagesOf(article: HelpArticle): string[] {
  const sentences = article.summary.split(/(?<=[.!?。])\s+|(?<=。)/u).map((x) => x.trim()).filter(Boolean);
  return [...sentences, ...article.steps];
}

const passageIndexes = new Map<string, ReturnType<typeof createBm25Index<string>>>();

/**
 * The passage of `article` that answers `query` best (BM25 over that article's passages, a word
 * unknown to them matching their words by a shared prefix of five letters or more; the summary's
 * first sentence when no passage shares a term with the question).
 */
export function bestPassage(locale: Locale, article: HelpArticle, query: string): string {
  const passages = passagesOf(article);
  const key = `${locale}/${article.id}`;
  let index = passageIndexes.get(key);
  if (!index) {
    index = createBm25Index(passages.map((text, i) => ({ id: String(i), text })), { prefixMatch: 5 });
    passageIndexes.set(key, index);
  }
  const [hit] = index.search(query, 1);
  return passages[hit ? Number(hit.id) : 0] ?? article.summary;
}

export function answerHelpLocally(locale: Locale, query: string): ChatAnswer {
  const texts = textsFor(locale);
  const found = retrieveArticles(locale, query);
  const top = found[0]?.article;
  if (!top) {
    return {
      answer: texts.chat.noMatch,
      steps: [],
      sources: SUGGESTIONS.map((id) => toSource(helpArticle(locale, id))),
      matched: false,
    };
  }
  return {
    answer: bestPassage(locale, top, query),
    steps: top.steps,
    sources: found.map((f) => toSource(f.article)),
    matched: true,
  };
}
