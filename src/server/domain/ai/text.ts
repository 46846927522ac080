/**
 * Text tools of the local AI engine: a Unicode-aware tokenizer and an Okapi BM25 index.
 *
 * Tokens: NFKC-normalised, lower-cased with Unicode rules, Latin diacritics folded ("café" ->
 * "cafe") while other scripts keep their marks (Devanagari vowel signs are letters there), light
 * suffix stemming for Latin-script words, and character bigrams for scripts written without
 * spaces (Japanese kana and kanji, Chinese), so a query in any of the nine locales can match.
 */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const LATIN = /^[\p{Script=Latin}\p{N}]+$/u;

const STOPWORDS = new Set(
  (
    // en
    'a an and are as at be but by can do does for from has have how i if in into is it its me my of on or our so that the their them then there these this to was we what when where which who why will with you your ' +
    'should would could get got want need please tell about any some just also am been being did doing there\'s im ' +
    // es, pt, it
    'el la los las un una unos unas de del y o que como en por para con mi mis su sus es se lo le al ' +
    'o os as um uma do da dos das e em no na nos nas com meu minha seu sua ' +
    'il lo gli le di del della dei e che come in per con mio mia suo sua un una ' +
    // fr
    'le les des du et ou que qui comment dans pour avec mon ma mes son sa ses est je un une ' +
    // de
    'der die das den dem des ein eine einen und oder wie ich mein meine ist zu mit im am auf für von ' +
    // nl
    'de het een en of hoe ik mijn is te met in op voor van'
  ).split(/\s+/),
);

/** Folds Latin diacritics only; other scripts keep their combining marks. */
function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{Mn}+/gu, '$1')
    .normalize('NFC');
}

/** A deliberately light stemmer for Latin-script words: plural and common verb endings. */
export function stem(word: string): string {
  if (word.length <= 3 || !LATIN.test(word) || /^\d+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "referr" (referred) and "refer" meet.
  if (w.length > 4 && w.at(-1) === w.at(-2) && /[bdgmnprt]/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

/** Lower-cased, normalised tokens (stop words removed). */
export function tokenize(text: string): string[] {
  const normalised = foldLatin(text.normalize('NFKC').toLocaleLowerCase('und'));
  const out: string[] = [];
  for (const match of normalised.matchAll(WORD)) {
    const word = match[0];
    if (SPACELESS.test(word)) {
      // Split the run by script ("aiクレジットを使う" -> "ai", katakana, hiragana, kanji). Kanji and
      // katakana carry the meaning: bigrams (and a katakana word whole). Hiragana is mostly
      // particles and endings ("を", "するには", "ですか"), whose bigrams matched any article:
      // it counts only when a word has nothing else.
      const parts = word.match(/[\p{Script=Katakana}ー]+|\p{Script=Han}+|\p{Script=Hiragana}+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu) ?? [];
      const meaningful = parts.some((p) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(p) || !SPACELESS.test(p));
      for (const part of parts) {
        if (SPACELESS.test(part)) {
          if (meaningful && /^\p{Script=Hiragana}+$/u.test(part)) continue;
          const chars = [...part];
          if (chars.length === 1) out.push(part);
          for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
          if (chars.length >= 3 && /^[\p{Script=Katakana}ー]+$/u.test(part)) out.push(part);
        } else if (!STOPWORDS.has(part)) {
          out.push(stem(part));
        }
      }
    } else if (!STOPWORDS.has(word) && !(word.length === 1 && /\p{Script=Latin}/u.test(word))) {
      out.push(stem(word));
    }
  }
  return out;
}

export type Bm25Document<Id extends string = string> = { id: Id; text: string };
export type Bm25Hit<Id extends string = string> = { id: Id; score: number };

/** Okapi BM25 over a small, fixed corpus (k1 = 1.2, b = 0.75, IDF with the +1 smoothing). */
/**
 * `prefixMatch` (a length, e.g. 5): a query word the corpus does not know matches the corpus's
 * words that it starts, or that start it, when the shorter of the two has at least that many
 * letters — inflections a light stemmer leaves apart ("olvidé" / "olvidaste", "oublié" /
 * "oubliez") then meet.
 */
export function createBm25Index<Id extends string>(documents: readonly Bm25Document<Id>[], opts: { k1?: number; b?: number; prefixMatch?: number } = {}) {
  const k1 = opts.k1 ?? 1.2;
  const b = opts.b ?? 0.75;
  const docs = documents.map((d) => {
    const tf = new Map<string, number>();
    const tokens = tokenize(d.text);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { id: d.id, tf, length: tokens.length };
  });
  const n = docs.length;
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };
  const related = (t: string, min: number) =>
    t.length < min || !LATIN.test(t) ? [] : [...df.keys()].filter((v) => v.length >= min && (v.startsWith(t) || t.startsWith(v)));

  return {
    size: n,
    /** Documents by descending score; documents without any query term are left out. */
    search(query: string, limit = 5): Bm25Hit<Id>[] {
      const terms = [...new Set(tokenize(query).flatMap((t) => (df.has(t) || !opts.prefixMatch ? [t] : related(t, opts.prefixMatch))))];
      if (!terms.length) return [];
      const hits: Bm25Hit<Id>[] = [];
      for (const d of docs) {
        let score = 0;
        for (const t of terms) {
          const f = d.tf.get(t);
          if (!f) continue;
          score += (idf(t) * (f * (k1 + 1))) / (f + k1 * (1 - b + (b * d.length) / avgLength));
        }
        if (score > 0) hits.push({ id: d.id, score });
      }
      return hits.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit);
    },
    /** How many of the query's terms the corpus knows at all (0 = nothing to go on). */
    knownTerms(query: string): number {
      return [...new Set(tokenize(query))].filter((t) => df.has(t)).length;
    },
  };
}
