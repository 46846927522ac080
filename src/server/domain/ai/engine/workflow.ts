import type { Locale } from '~/i18n/locales';
import { MAX_DELAY_SECONDS, MAX_STEPS, workflowStepsSchema, type WorkflowStep, type WorkflowStepInput } from '~/server/domain/workflows/steps';
import { fill, textsFor, type AiTexts } from '../help/catalog';

/**
 * Local natural-language workflow builder (SPEC A2/A3). Deterministic: the same request always
 * gives the same steps. It reads a trigger (a schedule with a cron expression, or a webhook),
 * then actions clause by clause in the order they are written (delays, conditions, e-mails,
 * HTTP calls, chat notifications, transforms, log entries). Everything it had to guess is
 * listed as an assumption, and the result always passes `workflowStepsSchema`.
 *
 * English is understood best; common words of the other eight locales (days, "daily",
 * "wait", "e-mail", "if", ...) are understood too. Names and assumptions are in the locale.
 */
export type BuilderInput = { query: string; locale: Locale; userEmail?: string | null };
export type BuiltWorkflow = { name: string; answer: string; steps: WorkflowStep[]; assumptions: string[] };

type Trigger = 'webhook' | 'schedule';
type Ctx = {
  texts: AiTexts['builder'];
  locale: Locale;
  userEmail: string | null;
  trigger: Trigger;
  assumptions: string[];
  urls: string[];
  emails: string[];
  /** The previous action was an HTTP request (its answer is the data now). */
  afterHttp: boolean;
};

// ---------------------------------------------------------------------------------------------
// Tokens: URLs and e-mail addresses are swapped for markers so punctuation inside them never
// splits a clause.
const URL_RE = /https?:\/\/[^\s<>"'`]+/gi;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const urlMarker = (i: number) => `zzurl${i}zz`;
const mailMarker = (i: number) => `zzmail${i}zz`;

function protect(query: string) {
  const urls: string[] = [];
  const emails: string[] = [];
  let text = query.replace(/\s+/g, ' ').trim();
  text = text.replace(URL_RE, (m) => {
    const clean = m.replace(/[.,;:!?)\]}]+$/, '');
    urls.push(clean);
    return ` ${urlMarker(urls.length - 1)} ${m.slice(clean.length)}`;
  });
  text = text.replace(EMAIL_RE, (m) => {
    emails.push(m);
    return ` ${mailMarker(emails.length - 1)} `;
  });
  return { text: text.replace(/ {2,}/g, ' '), urls, emails };
}

const blank = (s: string, start: number, end: number) => s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);

// ---------------------------------------------------------------------------------------------
// Schedules

const DAY_NAMES: readonly (readonly string[])[] = [
  // 0 = Sunday ... 6 = Saturday (cron numbering)
  ['sunday', 'sundays', 'sun', 'domingo', 'domingos', 'dimanche', 'sonntag', 'sonntags', 'domenica', 'zondag', 'zondags', '日曜', 'रविवार'],
  ['monday', 'mondays', 'mon', 'lunes', 'lundi', 'montag', 'montags', 'segunda', 'segunda-feira', 'lunedì', 'lunedi', 'maandag', 'maandags', '月曜', 'सोमवार'],
  ['tuesday', 'tuesdays', 'tue', 'tues', 'martes', 'mardi', 'dienstag', 'dienstags', 'terça', 'terça-feira', 'terca', 'martedì', 'martedi', 'dinsdag', 'dinsdags', '火曜', 'मंगलवार'],
  ['wednesday', 'wednesdays', 'wed', 'miércoles', 'miercoles', 'mercredi', 'mittwoch', 'mittwochs', 'quarta', 'quarta-feira', 'mercoledì', 'mercoledi', 'woensdag', 'woensdags', '水曜', 'बुधवार'],
  ['thursday', 'thursdays', 'thu', 'thur', 'thurs', 'jueves', 'jeudi', 'donnerstag', 'donnerstags', 'quinta', 'quinta-feira', 'giovedì', 'giovedi', 'donderdag', 'donderdags', '木曜', 'गुरुवार'],
  ['friday', 'fridays', 'fri', 'viernes', 'vendredi', 'freitag', 'freitags', 'sexta', 'sexta-feira', 'venerdì', 'venerdi', 'vrijdag', 'vrijdags', '金曜', 'शुक्रवार'],
  ['saturday', 'saturdays', 'sat', 'sábado', 'sabado', 'sábados', 'samedi', 'samstag', 'samstags', 'sabato', 'zaterdag', 'zaterdags', '土曜', 'शनिवार'],
];
const DAY_INDEX = new Map<string, number>(DAY_NAMES.flatMap((names, i) => names.map((n) => [n, i] as const)));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DAY_ALT = [...DAY_INDEX.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
// Three-letter abbreviations only count after "every"/"on" (so "sat" or "wed" in a sentence do not).
const SHORT_DAYS = new Set(['sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat']);
const DAY_RE = new RegExp(`(?<![\\p{L}])(${DAY_ALT})(?![\\p{L}])`, 'giu');
const SCHEDULE_CUE =
  /\b(?:every|each|on|weekly|cada|todos?|todas?|chaque|tous|toutes|le|les|jeden|jede|jeder|immer|am|ogni|tutti|il|elke|iedere|op)\b|毎週|毎|हर/i;

const INTERVAL_MIN = /\bevery\s+(\d{1,3})\s*(?:minutes?|mins?)\b|\bcada\s+(\d{1,3})\s*minutos\b|\btoutes les\s+(\d{1,3})\s*minutes\b|\balle\s+(\d{1,3})\s*minuten\b|\bogni\s+(\d{1,3})\s*minuti\b|\belke\s+(\d{1,3})\s*minuten\b|(\d{1,3})\s*分ごと/i;
const INTERVAL_HOUR = /\bevery\s+(\d{1,2})\s*(?:hours?|hrs?)\b|\bcada\s+(\d{1,2})\s*horas\b|\btoutes les\s+(\d{1,2})\s*heures\b|\balle\s+(\d{1,2})\s*stunden\b|\bogni\s+(\d{1,2})\s*ore\b|\belke\s+(\d{1,2})\s*uur\b|(\d{1,2})\s*時間ごと/i;
const HOURLY =
  /\b(?:every|each)\s+hour\b|\bhourly\b|\bonce an hour\b|\bcada hora\b|\btoutes les heures\b|\bstündlich\b|\bjede stunde\b|\bde hora em hora\b|\bogni ora\b|\belk uur\b|\bieder uur\b|毎時|हर घंटे/i;
const WEEKDAYS = /\b(?:every\s+|on\s+)?(?:week\s?days?|work\s?days?|working days?|business days?)\b|\bmonday\s+(?:to|through|thru|-)\s+friday\b|\bmon\s*-\s*fri\b|\bde lunes a viernes\b|\bdu lundi au vendredi\b|\bmontags? bis freitags?\b|\bwerktags?\b|\bdias úteis\b|\bgiorni feriali\b|\bwerkdagen\b|平日/i;
const WEEKENDS = /\b(?:every\s+|on\s+)?weekends?\b|\bfines de semana\b|\bweek-ends?\b|\bwochenendes?\b|\bfins de semana\b|\bfine settimana\b|\bweekenden\b|週末/i;
const DAILY =
  /\b(?:every|each)\s+(?:day|morning|evening|night|afternoon)\b|\bdaily\b|\bnightly\b|\bonce a day\b|\bevery\s+24\s+hours\b|\btodos los d[ií]as\b|\bcada d[ií]a\b|\bdiariamente\b|\btous les jours\b|\bchaque (?:jour|matin|soir)\b|\bquotidien(?:nement)?\b|\btäglich\b|\bjeden (?:tag|morgen|abend)\b|\btodos os dias\b|\btoda manhã\b|\bogni (?:giorno|mattina|sera)\b|\btutti i giorni\b|\bquotidianamente\b|\belke (?:dag|ochtend|avond)\b|\biedere dag\b|\bdagelijks\b|毎日|毎朝|毎晩|हर (?:दिन|सुबह|शाम)|रोज़?|प्रतिदिन/i;
const WEEKLY = /\bweekly\b|\bevery week\b|\bonce a week\b|\bsemanal(?:mente)?\b|\bcada semana\b|\bchaque semaine\b|\bhebdomadaire\b|\bwöchentlich\b|\bjede woche\b|\btoda semana\b|\bsettimanale\b|\bogni settimana\b|\bwekelijks\b|\belke week\b|毎週|हर हफ़्ते/i;
const MONTHLY = /\bmonthly\b|\bevery month\b|\bonce a month\b|\bmensual(?:mente)?\b|\bcada mes\b|\bchaque mois\b|\bmensuel(?:lement)?\b|\bmonatlich\b|\bjeden monat\b|\bmensal(?:mente)?\b|\btodo mês\b|\bmensile\b|\bogni mese\b|\bmaandelijks\b|\belke maand\b|毎月|हर महीने/i;
const MONTH_DAY = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b|\b(first|last)\s+day\s+of\s+(?:the|each|every)\s+month\b|(\d{1,2})日/i;

type Time = { hour: number; minute: number; spans: [number, number][]; explicit: boolean };

function parseTime(text: string): Time | null {
  const spans: [number, number][] = [];
  const named: [RegExp, number][] = [
    [/\b(?:at\s+)?(?:noon|midday|mediod[ií]a|midi|mittags?|meio-dia|mezzogiorno|middag)\b|正午/i, 12],
    [/\b(?:at\s+)?(?:midnight|medianoche|minuit|mitternacht|meia-noite|mezzanotte|middernacht)\b|深夜0時/i, 0],
  ];
  for (const [re, hour] of named) {
    const m = re.exec(text);
    if (m) return { hour, minute: 0, spans: [[m.index, m.index + m[0].length]], explicit: true };
  }
  const patterns: RegExp[] = [
    /\b(?:at|@|around|by|a las|à|um|às|alle|om)\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h|uhr|uur)?(?![\d:])/i,
    /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/iu,
    /\b(\d{1,2})[:h](\d{2})\b()/i,
    /(\d{1,2})時(?:(\d{1,2})分)?()/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    const suffix = (m[3] ?? '').toLowerCase().replace(/\./g, '');
    if (suffix === 'pm' && hour < 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) continue;
    spans.push([m.index, m.index + m[0].length]);
    return { hour, minute, spans, explicit: true };
  }
  const partOfDay: [RegExp, number][] = [
    [/\bmornings?\b|\bmañanas?\b|\bmatin\b|\bmorgens?\b|\bmanhã\b|\bmattin[ao]\b|\bochtend\b|朝|सुबह/i, 9],
    [/\bafternoons?\b|\btarde\b|\baprès-midi\b|\bnachmittags?\b|\bpomeriggio\b|\bmiddag\b|午後|दोपहर/i, 14],
    [/\bevenings?\b|\bsoir\b|\babends?\b|\bnoite\b|\bsera\b|\bavond\b|夕方|晩|शाम/i, 18],
    [/\bnights?\b|\bnightly\b|\bnoche\b|\bnuit\b|\bnachts?\b|\bnotte\b|\bnacht\b|夜|रात/i, 22],
  ];
  for (const [re, hour] of partOfDay) {
    const m = re.exec(text);
    if (m) return { hour, minute: 0, spans: [], explicit: false };
  }
  return null;
}

type Schedule = { cron: string; spans: [number, number][]; defaultTime: boolean; defaultWeekday: boolean };

/** "one day before the appointment", "3 days after the order ships", "a week before renewal". */
const RELATIVE_TIMING =
  /(?<!\b(?:wait|delay|pause|sleep)(?:\s+for)?\s+)\b(?:(?:\d{1,3}|one|two|three|four|five|six|seven|a|an)\s+(?:days?|weeks?|hours?)|the day)\s+(?:before|after|ahead of|prior to)\s+(?:the|their|its|each|every|my|our|your)\s+[\p{L}-]+(?:\s+(?:date|day|deadline|starts?|ends?|expires?|is due|ships?))?/iu;

function parseSchedule(text: string): Schedule | null {
  const spans: [number, number][] = [];
  const take = (m: RegExpExecArray | null) => {
    if (m) spans.push([m.index, m.index + m[0].length]);
    return m;
  };
  const firstNumber = (m: RegExpExecArray) => Number(m.slice(1).find((g) => g !== undefined));

  let m = take(INTERVAL_MIN.exec(text));
  if (m) {
    const n = firstNumber(m);
    if (n >= 60) return { cron: '0 * * * *', spans, defaultTime: false, defaultWeekday: false };
    return { cron: n <= 1 ? '* * * * *' : `*/${n} * * * *`, spans, defaultTime: false, defaultWeekday: false };
  }
  m = take(INTERVAL_HOUR.exec(text));
  if (m) {
    const n = firstNumber(m);
    if (n >= 24) return { cron: '0 0 * * *', spans, defaultTime: false, defaultWeekday: false };
    return { cron: n <= 1 ? '0 * * * *' : `0 */${n} * * *`, spans, defaultTime: false, defaultWeekday: false };
  }
  if (take(HOURLY.exec(text))) return { cron: '0 * * * *', spans, defaultTime: false, defaultWeekday: false };

  let dow: string | null = null;
  let dom = '*';
  let defaultWeekday = false;
  if (take(WEEKDAYS.exec(text))) dow = '1-5';
  else if (take(WEEKENDS.exec(text))) dow = '0,6';
  else {
    const days = new Set<number>();
    if (SCHEDULE_CUE.test(text)) {
      for (const d of text.matchAll(DAY_RE)) {
        const word = d[1]!.toLowerCase();
        if (SHORT_DAYS.has(word) && !/\b(?:every|each|on|and|,)\s*$/i.test(text.slice(0, d.index))) continue;
        days.add(DAY_INDEX.get(word)!);
        spans.push([d.index, d.index + d[0].length]);
      }
    }
    if (days.size) dow = [...days].sort((a, b) => a - b).join(',');
    else if (take(DAILY.exec(text))) dow = '*';
    else if (take(WEEKLY.exec(text))) {
      dow = '1';
      defaultWeekday = true;
    } else if (take(MONTHLY.exec(text))) {
      dow = '*';
      const md = take(MONTH_DAY.exec(text));
      dom = md?.[2]?.toLowerCase() === 'last' ? '28' : md ? String(Math.min(28, Math.max(1, Number(md[1] ?? md[3] ?? 1)))) : '1';
    } else {
      const md = MONTH_DAY.exec(text);
      if (md && /\bmonth\b/i.test(text)) {
        take(md);
        dow = '*';
        dom = md[2]?.toLowerCase() === 'last' ? '28' : String(Math.min(28, Math.max(1, Number(md[1] ?? md[3] ?? 1))));
      }
    }
  }
  if (dow === null) return null;
  // "every week on Friday" / "weekly on mondays": the named day wins over the default.
  if (defaultWeekday) {
    const d = [...text.matchAll(DAY_RE)].find((x) => !SHORT_DAYS.has(x[1]!.toLowerCase()));
    if (d) {
      dow = String(DAY_INDEX.get(d[1]!.toLowerCase()));
      defaultWeekday = false;
      spans.push([d.index, d.index + d[0].length]);
    }
  }
  const time = parseTime(text);
  spans.push(...(time?.spans ?? []));
  const hour = time?.hour ?? 9;
  const minute = time?.minute ?? 0;
  return { cron: `${minute} ${hour} ${dom} * ${dow}`, spans, defaultTime: !time?.explicit, defaultWeekday };
}

// ---------------------------------------------------------------------------------------------
// Webhook triggers

const EVENT =
  'submit(?:s|ted)?|sign(?:s|ed)?[ -]?up|register(?:s|ed)|is created|gets created|receiv(?:es|ed)|arriv(?:es|ed)|comes? in|came in|(?:is|are|gets?|was|were) (?:paid|placed|made|added|updated|opened|closed|cancell?ed|completed|booked|sent|filled(?: in| out)?|posted|refunded|shipped|delivered|approved|rejected|assigned|won|lost|deleted|created|received|submitted)|fail(?:s|ed)|bounce[sd]|fills (?:in|out)';
const WEBHOOK_CUES: RegExp[] = [
  new RegExp(`\\b(?:when(?:ever)?|once|each time|every time|as soon as|after)\\b[^,;]*?\\b(?:${EVENT}|pays|buys|purchases|places (?:a|an) \\w+|books (?:a|an) \\w+|subscribes|unsubscribes|replies|responds|churns|cancels|upgrades|downgrades|abandons|expires|happens|occurs|joins|leaves|opens (?:a|an|the) \\w+|clicks (?:a|an|the|on) \\w+)\\b`, 'i'),
  new RegExp(`\\bif\\b[^,;]*?\\b(?:${EVENT})\\b`, 'i'),
  /\b(?:on|for)\s+(?:a\s+|each\s+|every\s+)?new\s+[\p{L}-]+/iu,
  /\b(?:each|every)\s+(?:new\s+)?(?:lead|order|customer|user|sign-?up|subscriber|payment|ticket|contact|booking|message|invoice|issue|submission|form|request|reply|review)\b/i,
  /\bwebhooks?\b/i,
  /\b(?:form|submission|new (?:lead|order|customer|user|sign-?up|subscriber|payment|ticket|contact|booking|message|invoice|issue|row|entry|comment|review)s?)\b/i,
  /\b(?:cuando|cada vez que|quand|lorsque|dès que|wenn|sobald|quando|sempre que|wanneer|zodra|zo gauw)\b[^,;]*|(?:formulario|formulaire|formular|formulário|modulo|formulier)\b|フォーム[^、,。]*|[^、,。]*(?:とき|時に|たら)|जब[^,;।]*/iu,
];

function findWebhook(text: string): [number, number] | null {
  for (const re of WEBHOOK_CUES) {
    const m = re.exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Durations

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60, ninety: 90,
  'a couple of': 2, 'a few': 3, 'half an': 0.5, 'half a': 0.5, un: 1, una: 1, une: 1, ein: 1, eine: 1, einen: 1, einem: 1, um: 1, uma: 1, uno: 1, een: 1,
};
const NUM = `(\\d+(?:[.,]\\d+)?|a couple of|a few|half an?|forty-five|${Object.keys(NUMBER_WORDS).filter((k) => !k.includes(' ') && k !== 'forty-five').join('|')})`;
type Unit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(?:seconds?|secs?|segundos?|secondes?|sekunden?|secondi|seconden|秒|सेकंड)$/i, 'seconds'],
  [/^(?:minutes?|mins?|minutos?|minuten?|minuti|minuto|minuut|分|मिनट)$/i, 'minutes'],
  [/^(?:hours?|hrs?|horas?|heures?|stunden?|ore|ora|uur|uren|時間|घंटे|घंटा)$/i, 'hours'],
  [/^(?:days?|nights?|d[ií]as?|jours?|tage?n?|dias?|giorni|giorno|dagen|dag|日|दिन)$/i, 'days'],
  [/^(?:weeks?|semanas?|semaines?|wochen?|settimane?|weken|week|週間|हफ़्ते|सप्ताह)$/i, 'weeks'],
  [/^(?:months?|mes(?:es)?|mois|monate?n?|meses|mesi|mese|maanden|maand|ヶ月|महीने)$/i, 'months'],
];
const UNIT = '(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|secondes?|heures?|jours?|semaines?|mois|sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|dias?|secondi|minuti|ore|ora|giorni|giorno|settimane?|mesi|mese|seconden|minuut|uur|uren|dagen|dag|weken|week|maanden|maand)';
const DELAY_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:wait|pause|delay|sleep|hold(?: off)?|give it|esperar?|espera|aguardar?|aguarde|attendre|attends|attendez|warte(?:n)?|aspetta(?:re)?|attendi|wacht(?:en)?)\\s+(?:for\\s+|durante\\s+|pendant\\s+|für\\s+|per\\s+|por\\s+)?(?:about\\s+|around\\s+|roughly\\s+)?${NUM}\\s*${UNIT}\\b`, 'i'),
  new RegExp(`\\b(?:after|in|después de|au bout de|nach|depois de|dopo|na)\\s+(?:about\\s+)?${NUM}\\s*${UNIT}\\b`, 'i'),
  // Verb last, as German and Dutch put it: "2 Stunden warten", "2 uur wachten".
  new RegExp(`\\b${NUM}\\s*${UNIT}\\s+(?:lang\\s+)?(?:warten|abwarten|wachten|afwachten)\\b`, 'i'),
  new RegExp(`\\b${NUM}\\s*${UNIT}\\s+(?:later|after(?:wards)?|más tarde|después|plus tard|später|depois|dopo|later)\\b`, 'i'),
  /(\d+)\s*(秒|分|時間|日|週間|ヶ月)\s*(?:後|待)/,
  /(\d+)\s*(सेकंड|मिनट|घंटे|घंटा|दिन|हफ़्ते|सप्ताह|महीने)\s*(?:बाद|रुको|इंतज़ार)/,
];
const NEXT_DAY = /\b(?:the next day|next day|the following day|tomorrow|al día siguiente|le lendemain|am nächsten tag|no dia seguinte|il giorno dopo|de volgende dag)\b|翌日|अगले दिन/i;
const UNIT_SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 7 * 86_400, months: 30 * 86_400 };

function toDelay(amountText: string, unitText: string): { amount: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' } | null {
  const unit = UNIT_WORDS.find(([re]) => re.test(unitText))?.[1];
  if (!unit) return null;
  const key = amountText.toLowerCase();
  const amount = NUMBER_WORDS[key] ?? Number(key.replace(',', '.'));
  if (!Number.isFinite(amount) || amount <= 0) return null;
  const seconds = Math.round(amount * UNIT_SECONDS[unit]);
  if (seconds <= 0) return null;
  return secondsToDelay(seconds);
}

function secondsToDelay(seconds: number): { amount: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' } {
  if (seconds % 86_400 === 0) return { amount: seconds / 86_400, unit: 'days' };
  if (seconds % 3600 === 0) return { amount: seconds / 3600, unit: 'hours' };
  if (seconds % 60 === 0) return { amount: seconds / 60, unit: 'minutes' };
  return { amount: seconds, unit: 'seconds' };
}

// ---------------------------------------------------------------------------------------------
// Conditions

type Op = 'equals' | 'not_equals' | 'contains' | 'greater_than' | 'less_than' | 'exists' | 'gte' | 'lte';
const OPS: [string, Op][] = [
  ['is greater than or equal to', 'gte'],
  ['is less than or equal to', 'lte'],
  ['>=', 'gte'], ['=>', 'gte'], ['≥', 'gte'], ['is at least', 'gte'], ['at least', 'gte'],
  ['<=', 'lte'], ['≤', 'lte'], ['is at most', 'lte'], ['at most', 'lte'],
  ['!=', 'not_equals'], ['<>', 'not_equals'], ['≠', 'not_equals'], ['is not equal to', 'not_equals'], ['does not equal', 'not_equals'],
  ["doesn't equal", 'not_equals'], ['is not', 'not_equals'], ["isn't", 'not_equals'], ['not equal to', 'not_equals'],
  ['is greater than', 'greater_than'], ['greater than', 'greater_than'], ['is more than', 'greater_than'], ['more than', 'greater_than'],
  ['is bigger than', 'greater_than'], ['bigger than', 'greater_than'], ['is higher than', 'greater_than'], ['higher than', 'greater_than'],
  ['is over', 'greater_than'], ['over', 'greater_than'], ['is above', 'greater_than'], ['above', 'greater_than'], ['exceeds', 'greater_than'],
  ['is larger than', 'greater_than'], ['mayor que', 'greater_than'], ['es mayor que', 'greater_than'], ['supérieur à', 'greater_than'],
  ['est supérieur à', 'greater_than'], ['plus de', 'greater_than'], ['größer als', 'greater_than'], ['ist größer als', 'greater_than'],
  ['über', 'greater_than'], ['maior que', 'greater_than'], ['maggiore di', 'greater_than'], ['groter dan', 'greater_than'], ['meer dan', 'greater_than'],
  ['>', 'greater_than'],
  ['is less than', 'less_than'], ['less than', 'less_than'], ['is lower than', 'less_than'], ['lower than', 'less_than'], ['is smaller than', 'less_than'],
  ['fewer than', 'less_than'], ['is below', 'less_than'], ['below', 'less_than'], ['is under', 'less_than'], ['under', 'less_than'],
  ['menor que', 'less_than'], ['inférieur à', 'less_than'], ['moins de', 'less_than'], ['kleiner als', 'less_than'], ['weniger als', 'less_than'],
  ['unter', 'less_than'], ['minore di', 'less_than'], ['kleiner dan', 'less_than'], ['minder dan', 'less_than'],
  ['<', 'less_than'],
  ['is equal to', 'equals'], ['equals', 'equals'], ['==', 'equals'], ['=', 'equals'], ['is', 'equals'], ['es', 'equals'], ['est', 'equals'], ['ist', 'equals'], ['è', 'equals'], ['é', 'equals'],
  ['contains', 'contains'], ['includes', 'contains'], ['mentions', 'contains'], ['has', 'contains'], ['contiene', 'contains'], ['contient', 'contains'],
  ['enthält', 'contains'], ['contém', 'contains'], ['bevat', 'contains'],
];
const OP_ALT = OPS.map(([w]) => (/^\W+$/.test(w) ? escapeRe(w) : `\\b${escapeRe(w)}\\b`)).join('|');
const COND_LEAD = '(?:only\\s+)?(?:if|when(?:ever)?|unless|provided(?:\\s+that)?|in case|si|wenn|falls|se|als|यदि|अगर)';
/** Leads that make a condition only before a numeric comparison ("... and the total is over 500"). */
const WEAK_LEAD = '(?:and|where|whose|with)';
const WEAK_LEADS = new Set(['and', 'where', 'whose', 'with']);
const ARTICLE = '(?:(?:the|a|an|el|la|los|las|le|les|l\'|der|die|das|o|os|il|lo|de|het)\\s+)?';
const FIELD = "([\\p{L}_][\\p{L}\\d_.'-]*(?:\\s+[\\p{L}_][\\p{L}\\d_.'-]*){0,2}?)";
const VALUE_END =
  '(?=\\s*(?:$|[,;]|\\.(?:\\s|$)|\\b(?:and|then|or|otherwise|else|e-?mail|mail|send|notify|alert|remind|tell|text|message|call|get|fetch|add|create|update|push|forward|post|slack|wait|log|record|save|store|y|et|und|e|en|entonces|alors|dann|allora|dan)\\b))';
const CONDITION_RE = new RegExp(`\\b${COND_LEAD}\\s+${ARTICLE}${FIELD}\\s*(${OP_ALT})\\s*(.+?)${VALUE_END}`, 'iu');
const WEAK_CONDITION_RE = new RegExp(`\\b${WEAK_LEAD}\\s+${ARTICLE}${FIELD}\\s*(${OP_ALT})\\s*(.+?)${VALUE_END}`, 'iu');
const EXISTS_RE = new RegExp(
  `\\b${COND_LEAD}\\s+${ARTICLE}${FIELD}\\s+(?:exists|is present|is set|is not empty|is provided|was provided|is filled(?: in)?|is given)\\b`,
  'iu',
);
const PRONOUNS = new Set(['it', 'this', 'that', 'they', 'there', 'someone', 'somebody', 'anyone', 'a', 'an', 'the', 'we', 'i', 'you']);

function parseValue(raw: string): string | number | boolean | null {
  let v = raw.trim().replace(/^["'“‘«]|["'”’»]$/g, '').trim();
  v = v.replace(/\s+(?:pounds?|dollars?|euros?|gbp|usd|eur|quid|bucks|libras?|livres?|dólares|euro)$/i, '');
  if (!v) return null;
  const numeric = v.replace(/^[£$€¥₹]\s*/, '').replace(/\s*[£$€¥₹]$/, '');
  const n = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(numeric) ? Number(numeric.replace(/,/g, '')) : /^-?\d+(?:\.\d+)?$/.test(numeric) ? Number(numeric) : NaN;
  if (!Number.isNaN(n)) return n;
  const k = /^(-?\d+(?:\.\d+)?)\s*([km])$/i.exec(numeric);
  if (k) return Number(k[1]) * (k[2]!.toLowerCase() === 'k' ? 1000 : 1_000_000);
  if (/^(?:true|yes)$/i.test(v)) return true;
  if (/^(?:false|no)$/i.test(v)) return false;
  return v.slice(0, 200);
}

function fieldPath(words: string): string | null {
  const w = words.trim().toLowerCase();
  if (!w || PRONOUNS.has(w)) return null;
  if (/^(?:body|response|trigger)\.[\w.]+$/.test(w)) return w;
  const slug = w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9_.\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '_');
  if (!slug || !/^[a-z_]/.test(slug)) return null;
  return `body.${slug}`.slice(0, 200);
}

// ---------------------------------------------------------------------------------------------
// Actions

const EMAIL_VERB =
  /\b(?:send|forward|pass)\s+(?:it|them|this|that|these|those)\s+(?:on\s+)?to\s+(?:the\s+|our\s+)?(?=[a-z])(?!(?:crm|api|endpoint|backend|server|slack|discord|teams|sheet|spreadsheet|database|webhook)\b)|\be-?mail(?:s|ed|ing)?\b|\bmail\b(?!\s*(?:chimp|gun))|\bsend\b[^,;]{0,40}?\b(?:e-?mails?|mails?|messages?|notes?|reminders?|reports?|summar(?:y|ies)|digests?|newsletters?|invoices?|receipts?|confirmations?|thank[- ]?you(?:s| notes?| e-?mails?)?|follow[- ]?ups?|welcome|alerts?|notifications?|updates?|offers?|coupons?)\b|\bnotify\b|\balert\b|\bremind\b|\blet\b[^,;]{0,30}\bknow\b|\bcorreo\b|\bcourriel\b|\benviar\b[^,;]{0,30}\b(?:correo|e-?mail|mensaje)\b|\benvoyer\b[^,;]{0,30}\b(?:e-?mail|courriel|mail|message)\b|\bsenden?\b[^,;]{0,30}\b(?:e-?mail|mail|nachricht)\b|\bbenachrichtig\w*|\bmailen\b|\binviare\b[^,;]{0,30}\b(?:e-?mail|mail|messaggio)\b|\bnotificar\b|\bnotifier\b|\bavisar\b|\bavvisare\b|\bstuur\b[^,;]{0,30}\b(?:e-?mail|mail|bericht)\b|メール|通知|ईमेल/i;
const CONTACT_WORDS =
  /\b(?:lead|leads|customers?|clients?|contacts?|users?|sender|subscribers?|buyers?|applicants?|person|people|visitors?|members?|them|him|her|they|guests?|attendees?|patients?|students?|candidates?|submitter|sign-?ups?|cliente|clientes|client|kunden?|klant|klanten)\b/i;
/** German and Dutch name the recipient before the mail: "dem Kunden eine E-Mail senden", "de klant een mail sturen". */
const CONTACT_BEFORE =
  /\b(?:dem|den|der|die|de|het)\s+(?:kund(?:e|en|in)|klant(?:en)?|interessent(?:en)?|nutzer(?:in|n)?|benutzer(?:in|n)?|gebruikers?|abonnent(?:en)?|leads?)\s+(?:(?:eine?n?|een)\s+)?$/i;
const USER_WORDS = /\b(?:me|myself|us|i|my inbox|mi|moi|mich|mir|mim|meu|mij|me)\b|मुझे|私に/i;
const TEAM_WORDS = /\b(team|sales|support|admin|ops|operations|finance|accounting|manager|owner|boss|staff|office|hr|marketing|everyone|billing)\b/i;
/** "send them to finance": the data goes by e-mail to a named role. */
const SEND_TO_ROLE = /^(?:send|forward|pass)\s+(?:it|them|this|that|these|those)\s+(?:on\s+)?to\s+(?:the\s+|our\s+)?([a-z][a-z-]{1,30})\b/i;
/** "email the accountant", "send a note to our bookkeeper": the role a message is addressed to. */
const ROLE_AFTER = /^\S+(?:\s+(?:it|them|this|that|a|an|the|\w+))?\s+(?:to\s+)?(?:the|our|my|your)\s+([a-z][a-z-]{2,30})\b/i;
const CONTACT_KIND = /\b(?:welcome|thank|thanks|confirmation|confirm|receipt|follow[- ]?up|bienvenida|bienvenue|willkommen|benvenuto|welkom|gracias|merci|danke|obrigad[oa]|grazie|bedankt)\b/i;

const WELCOME = /\b(?:welcome|onboarding|bienvenida|bienvenue|willkommen|boas-vindas|benvenuto|welkom)\b/i;
const FOLLOW_UP = /\b(?:follow[- ]?up|check[- ]?in|reminder|seguimiento|relance|nachfass\w*|acompanhamento|promemoria|herinnering)\b/i;

const CHAT_TARGETS: [RegExp, string, string][] = [
  [/\bslack\b/i, 'https://hooks.slack.com/services/REPLACE/WITH/YOURS', 'slack'],
  [/\bdiscord\b/i, 'https://discord.com/api/webhooks/REPLACE/WITH-YOURS', 'discord'],
  [/\b(?:microsoft teams|ms teams|teams channel)\b/i, 'https://example.webhook.office.com/REPLACE-WITH-YOURS', 'teams'],
  [/\b(?:sms|text message|text me|text them|whatsapp|telegram)\b/i, 'https://api.example.com/messages', 'sms'],
];

const INTEGRATIONS =
  'crm|hubspot|salesforce|pipedrive|zoho|airtable|notion|google sheets?|spreadsheet|sheet|excel|database|db|api|endpoint|backend|server|zapier|mailchimp|shopify|trello|jira|asana|quickbooks|xero|erp|inventory|helpdesk|zendesk|intercom|calendar';
const HTTP_SEND = new RegExp(
  `\\b(?:add|send|push|post|sync|create|save|store|upload|forward|submit|update|insert|append|put|write|copy|register|log it to|enter)\\b[^,;]{0,40}?\\b(${INTEGRATIONS})\\b`,
  'i',
);
/** "call the CRM endpoint", "poll the billing API", "hit our backend", "query the inventory". */
const HTTP_CALL = new RegExp(`\\b(?:call|poll|hit|ping|query|invoke|request)\\b[^,;]{0,40}?\\b(${INTEGRATIONS})\\b`, 'i');
const WRITE_INTENT = /\b(?:to|and)\s+(?:create|add|update|insert|register|save|store|send|post|push|sync)\b/i;
const HTTP_FETCH = new RegExp(
  `\\b(?:get|fetch|pull|download|check|read|load|retrieve|look up|query|grab|collect)\\b[^,;]{0,40}?\\b(${INTEGRATIONS}|data|orders|sales|figures|numbers|stats|statistics|metrics|status|weather|prices?|rates?|feed|rss|report|invoices)\\b`,
  'i',
);
const HTTP_VERBS: [RegExp, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'][] = [
  [/\b(?:get|fetch|pull|download|read|check|ping|poll|load|look up|query|retrieve|grab|monitor|watch)\b/i, 'GET'],
  [/\b(?:delete|remove)\b/i, 'DELETE'],
  [/\bpatch\b/i, 'PATCH'],
  [/\b(?:put|replace)\b/i, 'PUT'],
];
const TRANSFORM_VERB =
  /\b(?:transform|format|reformat|map|convert|extract|parse|clean(?: up)?|normali[sz]e|rename|reshape|enrich|tidy(?: up)?|restructure|calculate|compute|pick out|pull out|keep only|transformar|formatear|convertir|extraer|transformer|formater|extraire|umwandeln|formatieren|konvertieren|extrahieren|converter|extrair|trasformare|formattare|convertire|estrarre|omzetten|converteren|extraheren)\b|変換|整形|抽出/i;
const FIELD_LIST_VERB =
  /\b(?:extract|pick out|pull out|keep only|map|rename|pick|grab)\s+(?:the\s+|their\s+|its\s+)?([a-z_]\w*(?:\s*(?:,|and|&)\s*(?:the\s+|their\s+)?(?!(?:then|next|finally|after|afterwards|also)\b)[a-z_]\w*){0,9})/gi;
const FIELD_STOP = new Set(['data', 'payload', 'it', 'them', 'fields', 'field', 'info', 'information', 'details', 'json', 'csv', 'xml', 'body', 'values', 'the', 'into', 'to', 'as', 'from', 'and', 'a', 'an', 'all']);
const LOG_VERB =
  /\blog(?:s|ged|ging)?\b(?!\s*(?:in|into|on|out)\b)|\brecord(?:s|ed)?\b|\bkeep a record\b|\btrack(?:s|ed)?\b|\baudit\b|\bwrite (?:it |this )?down\b|\bnote (?:it )?down\b|\bregistrar\b|\bregistra(?:re)?\b|\benregistrer\b|\bjournaliser\b|\bprotokollieren\b|\bloggen\b|\bregistreren\b|\bvastleggen\b|記録|ログ|लॉग/i;
const FILLER = new Set(
  'a an and the it its them then to of in on at for with me us my our your please also just that this so be is are by from into some all any each every new when once after before as up out i we you he she they then its let lets'.split(' '),
);

type StepWithoutId = WorkflowStepInput extends infer S ? (S extends unknown ? Omit<S, 'id'> : never) : never;
type Found = { index: number; condition: boolean; step: StepWithoutId & { idBase: string } };

/** A step name of at most `max` characters, cut between words (a single long word: at the limit). */
const clip = (s: string, max = 80) => {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1).replace(/\s+\S*$/, '').replace(/[\s,;:.]+$/, '');
  return cut.length >= max / 2 ? cut : s.slice(0, max).trimEnd();
};
const restore = (s: string, ctx: Ctx) =>
  s.replace(/zzurl(\d+)zz/g, (_, i: string) => ctx.urls[Number(i)] ?? '').replace(/zzmail(\d+)zz/g, (_, i: string) => ctx.emails[Number(i)] ?? '');

function formatDuration(locale: Locale, d: { amount: number; unit: string }): string {
  const unit = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' }[d.unit] ?? 'day';
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(d.amount);
}

function dataRef(ctx: Ctx): string {
  return ctx.afterHttp ? '{{ response.body }}' : ctx.trigger === 'webhook' ? '{{ body }}' : '';
}

function detectActions(clause: string, ctx: Ctx): { found: Found[]; rest: string } {
  const found: Found[] = [];
  let c = clause;
  const t = ctx.texts;

  // Conditions first: their words ("if email contains ...") must not be read as actions.
  for (const re of [EXISTS_RE, CONDITION_RE, WEAK_CONDITION_RE]) {
    if (re === WEAK_CONDITION_RE && found.length) continue;
    const m = re.exec(c);
    if (!m) continue;
    let end = m.index + m[0].length;
    const lead = /^\s*(?:only\s+)?(\S+)/.exec(m[0])?.[1]?.toLowerCase() ?? '';
    const field = fieldPath(m[1] ?? '');
    if (!field) continue;
    let op: Op = 'exists';
    let value: string | number | boolean | null = null;
    if (re !== EXISTS_RE) {
      const opText = m[2]!.toLowerCase();
      op = OPS.find(([w]) => w === opText)?.[1] ?? 'equals';
      // "when X is Y" reads as an event, not a check: only comparisons make "when" a condition.
      if (lead.startsWith('when') && (op === 'equals' || op === 'not_equals')) continue;
      if (WEAK_LEADS.has(lead) && !['greater_than', 'less_than', 'gte', 'lte'].includes(op)) continue;
      // A number ends the value ("if count > 50 alert me": the rest is the next action).
      const raw = m[3] ?? '';
      const num = /^\s*([£$€¥₹]?\s*-?\d[\d,]*(?:\.\d+)?\s*[km]?)(?![\p{L}\d])/iu.exec(raw);
      const kept = num ? num[0] : raw;
      value = parseValue(num ? num[1]! : raw);
      if (value === null) continue;
      end = m.index + m[0].length - raw.length + kept.length;
    }
    let operator: Exclude<Op, 'gte' | 'lte'> = op === 'gte' ? 'greater_than' : op === 'lte' ? 'less_than' : op;
    if (lead === 'unless') {
      const negated: Partial<Record<typeof operator, typeof operator>> = {
        equals: 'not_equals', not_equals: 'equals', greater_than: 'less_than', less_than: 'greater_than',
      };
      const n = negated[operator];
      if (!n) continue;
      operator = n;
    }
    const display = field.replace(/^body\./, '').replace(/_/g, ' ');
    const shownValue = operator === 'exists' ? '' : String(value);
    if (op === 'gte' || op === 'lte') {
      ctx.assumptions.push(
        fill(t.assumptions.approxOperator, { original: m[0].replace(/^\s*(?:only\s+)?\S+\s+/, '').trim(), checked: `${t.operators[operator]} ${shownValue}` }),
      );
    }
    found.push({
      index: m.index,
      condition: true,
      step: {
        idBase: 'check',
        type: 'condition',
        name: clip(fill(t.stepNames.condition, { field: display, operator: t.operators[operator], value: shownValue }).trim()),
        config: operator === 'exists' ? { field, operator } : { field, operator, value: value! },
      },
    });
    c = blank(c, m.index, end);
    break;
  }

  // Delays.
  for (const re of DELAY_PATTERNS) {
    for (;;) {
      const m = re.exec(c);
      if (!m) break;
      const d = toDelay(m[1]!, m[2]!);
      c = blank(c, m.index, m.index + m[0].length);
      if (d) found.push(delayFound(m.index, d.amount * UNIT_SECONDS[d.unit], ctx));
    }
  }
  const nd = NEXT_DAY.exec(c);
  if (nd) {
    found.push(delayFound(nd.index, 86_400, ctx));
    c = blank(c, nd.index, nd.index + nd[0].length);
  }

  // Chat notifications (Slack, Teams, SMS...) go through their incoming-webhook URL.
  for (const [re, url, slug] of CHAT_TARGETS) {
    const m = re.exec(c);
    if (!m) continue;
    ctx.assumptions.push(fill(t.assumptions.placeholderUrl, { url }));
    const text = ctx.afterHttp ? t.email.responseBody : ctx.trigger === 'webhook' ? t.email.teamBody : t.email.scheduleBody;
    found.push(httpFound(m.index, 'POST', url, JSON.stringify({ text }), slug, ctx));
    // The verb that went with it ("notify", "post", "send a message") is consumed too.
    const tail = /^\s*(?:messages?|notifications?|alerts?|channel)\b/i.exec(c.slice(m.index + m[0].length));
    c = blank(c, verbStart(c, m.index), m.index + m[0].length + (tail?.[0].length ?? 0));
    break;
  }

  // HTTP requests to the URLs in the clause.
  for (const m of [...c.matchAll(/zzurl(\d+)zz/g)]) {
    const url = ctx.urls[Number(m[1])]!;
    const before = c.slice(0, m.index);
    const method = HTTP_VERBS.find(([re]) => re.test(before))?.[1] ?? 'POST';
    found.push(httpFound(m.index, method, url, undefined, 'request', ctx));
    c = blank(c, verbStart(c, m.index), m.index + m[0].length);
  }

  // HTTP requests to an integration without a URL: placeholder address. "Call"-like verbs
  // write when the clause says what to create or send, and read otherwise.
  const callMethod = WRITE_INTENT.test(c) ? 'POST' : 'GET';
  for (const [re, method] of [
    [HTTP_CALL, callMethod],
    [HTTP_FETCH, 'GET'],
    [HTTP_SEND, 'POST'],
  ] as const) {
    const m = re.exec(c);
    if (!m) continue;
    const slug = m[1]!.toLowerCase().replace(/\s+/g, '-');
    const url = `https://api.example.com/${slug}`;
    ctx.assumptions.push(fill(t.assumptions.placeholderUrl, { url }));
    found.push(httpFound(m.index, method, url, undefined, 'request', ctx));
    c = blank(c, m.index, m.index + m[0].length);
  }

  // Transforms.
  const tv = TRANSFORM_VERB.exec(c);
  if (tv) {
    FIELD_LIST_VERB.lastIndex = 0;
    const fl = FIELD_LIST_VERB.exec(c);
    const fields = fl
      ? [...new Set(fl[1]!.split(/\s*(?:,|\band\b|&)\s*/i).map((f) => f.replace(/^(?:the|their|its)\s+/i, '').trim().toLowerCase()))].filter(
          (f) => f && !FIELD_STOP.has(f) && /^[a-z_][a-z0-9_]{0,60}$/.test(f),
        )
      : [];
    const source = ctx.afterHttp ? 'response.body' : 'body';
    let mapping: Record<string, string>;
    if (fields.length) {
      mapping = Object.fromEntries(fields.slice(0, 20).map((f) => [f, `{{ ${source}.${f} }}`]));
    } else {
      mapping = { data: `{{ ${source} }}` };
      ctx.assumptions.push(fill(t.assumptions.transformGeneric, { field: 'data' }));
    }
    found.push({ index: tv.index, condition: false, step: { idBase: 'transform', type: 'transform', name: clip(t.stepNames.transform), config: { mapping } } });
    const end = fl && fl.index >= tv.index ? fl.index + fl[0].length : tv.index + tv[0].length;
    c = blank(c, tv.index, end);
  }

  // E-mails.
  const ev = EMAIL_VERB.exec(c);
  if (ev) {
    const after = c.slice(ev.index);
    const explicit = /zzmail(\d+)zz/.exec(after);
    let to: string;
    let name: string;
    let kind: 'contact' | 'user' | 'team' | 'explicit';
    const sendTo = SEND_TO_ROLE.exec(after);
    if (explicit) {
      to = ctx.emails[Number(explicit[1])]!;
      kind = 'explicit';
    } else if (sendTo && !CONTACT_WORDS.test(sendTo[1]!) && !USER_WORDS.test(sendTo[1]!)) {
      // "send them to finance": "them" is the data; the recipient is the named role.
      kind = 'team';
      to = `${sendTo[1]!.toLowerCase()}@example.com`;
    } else if (CONTACT_WORDS.test(after) || CONTACT_BEFORE.test(c.slice(0, ev.index)) || (CONTACT_KIND.test(after) && !USER_WORDS.test(after))) {
      kind = 'contact';
      to = '{{ body.email }}';
    } else if (!USER_WORDS.test(after) && !TEAM_WORDS.test(after) && ROLE_AFTER.exec(after)) {
      // A named role outside the known words ("the accountant", "our bookkeeper"): kept as a
      // clearly marked placeholder address, never silently the signed-in user.
      kind = 'team';
      to = `${ROLE_AFTER.exec(after)![1]!.toLowerCase()}@example.com`;
    } else if (USER_WORDS.test(after) || !TEAM_WORDS.test(after)) {
      kind = 'user';
      to = ctx.userEmail ?? 'team@example.com';
      if (!ctx.userEmail) kind = 'team';
    } else {
      kind = 'team';
      to = `${TEAM_WORDS.exec(after)![1]!.toLowerCase()}@example.com`;
    }
    if (kind === 'contact' && ctx.trigger !== 'webhook') {
      kind = 'team';
      to = 'contacts@example.com';
    }
    if (kind === 'contact') {
      ctx.assumptions.push(fill(t.assumptions.contactRecipient, { recipient: to }));
      name = t.stepNames.emailContact;
    } else if (kind === 'user') {
      ctx.assumptions.push(fill(t.assumptions.userRecipient, { recipient: to }));
      name = t.stepNames.emailYou;
    } else if (kind === 'team') {
      ctx.assumptions.push(fill(t.assumptions.teamRecipient, { recipient: to }));
      name = t.stepNames.emailTeam;
    } else {
      name = fill(t.stepNames.emailTo, { recipient: to });
    }
    const contact = kind === 'contact';
    const flavour = contact && WELCOME.test(after) ? 'welcome' : contact && FOLLOW_UP.test(after) ? 'followUp' : contact ? 'contact' : null;
    const subject =
      flavour === 'welcome' ? t.email.welcomeSubject : flavour === 'followUp' ? t.email.followUpSubject : contact ? t.email.contactSubject
      : ctx.trigger === 'webhook' ? t.email.teamSubject : t.email.scheduleSubject;
    const body =
      flavour === 'welcome' ? t.email.welcomeBody : flavour === 'followUp' ? t.email.followUpBody : contact ? t.email.contactBody
      : ctx.afterHttp ? t.email.responseBody : ctx.trigger === 'webhook' ? t.email.teamBody : t.email.scheduleBody;
    found.push({ index: ev.index, condition: false, step: { idBase: 'email', type: 'email', name: clip(name), config: { to, subject, body } } });
    c = blank(c, ev.index, ev.index + ev[0].length);
    if (explicit) c = blank(c, ev.index + explicit.index, ev.index + explicit.index + explicit[0].length);
  }

  // Log entries.
  const lv = LOG_VERB.exec(c);
  if (lv) {
    const ref = dataRef(ctx);
    found.push({
      index: lv.index,
      condition: false,
      step: { idBase: 'log', type: 'log', name: clip(t.stepNames.log), config: { message: ref ? `${t.logMessage}: ${ref}` : t.logMessage, level: 'info' } },
    });
    c = blank(c, lv.index, lv.index + lv[0].length);
  }

  return { found, rest: c };
}

/** Where a leftover splits into separate requests: commas and "and / then / also" (and their translations). */
const PIECE_SPLIT = /[,;]|\b(?:and|then|also|afterwards|und|dann|y|luego|et|puis|e|poi|depois|en|daarna)\b/i;
/** Verbs that ask for an action none of the step detectors took: their clause was not understood. */
const LEFTOVER_VERB =
  /^(?:pause|suspend|archive|close|assign|tag|label|mark|create|add|update|delete|remove|move|copy|save|store|upload|download|sync|book|invoice|charge|refund|cancel|escalate|approve|reject|print|translate|summari[sz]e|resize|convert|generate|publish|tweet|text|ring|open|disable|enable|block|ban|flag|remind|invite|subscribe|unsubscribe|track|rename|merge|export|import|backup|pausieren|pausiere|archiviere|archivieren|erstelle|erstellen|aktualisiere|aktualisieren|lösche|löschen|sperre|sperren|pausar|archivar|crear|crea|actualizar|actualiza|borrar|borra|eliminar|elimina|bloquear|suspendre|archiver|créer|crée|supprimer|supprime|bloquer|sospendere|archiviare|creare|aggiornare|aggiorna|eliminare|bloccare|arquivar|criar|cria|atualizar|atualiza|excluir|exclui|bloquear|pauzeren|pauzeer|archiveren|archiveer|maak|aanmaken|bijwerken|verwijder|verwijderen|blokkeer|blokkeren)$/i;

const ACTION_VERBS =
  /\b(?:notify|post|send|push|forward|submit|sync|call|hit|get|fetch|pull|check|ping|poll|delete|remove|update|put|patch|ping|message|alert|tell|write|drop|notificar|avisar|envoyer|senden|inviare|stuur|enviar)\b/gi;

/** Where the verb that governs the object at `index` starts (the last action verb before it in the clause). */
function verbStart(c: string, index: number): number {
  let start = index;
  for (const m of c.slice(0, index).matchAll(ACTION_VERBS)) start = m.index;
  return start;
}

function delayFound(index: number, seconds: number, ctx: Ctx): Found {
  let s = seconds;
  if (s > MAX_DELAY_SECONDS) {
    s = MAX_DELAY_SECONDS;
    ctx.assumptions.push(ctx.texts.assumptions.delayCapped);
  }
  const d = secondsToDelay(s);
  return {
    index,
    condition: false,
    step: { idBase: 'wait', type: 'delay', name: clip(fill(ctx.texts.stepNames.delay, { duration: formatDuration(ctx.locale, d) })), config: d },
  };
}

function httpFound(index: number, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: string | undefined, idBase: string, ctx: Ctx): Found {
  const ref = dataRef(ctx);
  const payload = body ?? (method === 'POST' || method === 'PUT' || method === 'PATCH' ? (ref ? ref : undefined) : undefined);
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  if (method === 'GET') ctx.afterHttp = true;
  return {
    index,
    condition: false,
    step: {
      idBase,
      type: 'http_request',
      name: clip(fill(ctx.texts.stepNames.http, { method, host })),
      config: {
        method,
        url: url.slice(0, 2000),
        ...(payload ? { headers: { 'content-type': 'application/json' }, body: payload } : {}),
        timeoutMs: 10_000,
      },
    },
  };
}

/** A clause that says what happens when the condition is false. */
const OTHERWISE = /^\s*(?:otherwise|else|if not|or else|sinon|si no|sino|de lo contrario|sonst|andernfalls|ansonsten|senão|caso contrário|altrimenti|anders|zo niet|अन्यथा|そうでなければ)(?![\p{L}])[\s,:、]*/iu;
const CLAUSE_SPLIT =
  /\s*(?:[,;]|\.(?=\s|$)|\band then\b|\bthen\b|\bafter that\b|\bafterwards\b|\bfinally\b|\bnext\b|\balso\b|\bplus\b|\by luego\b|\bluego\b|\bdespués\b|\bpuis\b|\bensuite\b|\bdann\b|\bdanach\b|\bdepois\b|\bem seguida\b|\bpoi\b|\bquindi\b|\bdaarna\b|\bdan\b|、|。|そして|फिर)\s*/i;

/** Words a name should not end on (it reads cut off): "Email the lead and" → "Email the lead". */
const DANGLING = /\s+(and|or|then|to|the|a|an|of|for|with|when|if|at|on|in|y|et|und|e|en|o|ou|oder|de|der|die|das|le|la|el|il|het|een)$/i;

/** A whole-word name from the request (at most 60 characters, never cut inside a word, no "…"). */
function workflowName(query: string, fallback: string): string {
  const firstLine = query.replace(/\s+/g, ' ').trim();
  if (!firstLine) return fallback;
  let name = '';
  for (const w of firstLine.split(' ')) {
    if ((name + ' ' + w).trim().length > 60) break;
    name = `${name} ${w}`.trim();
  }
  // A first word longer than the limit: no whole word fits, so the generic name is better.
  if (!name) return fallback;
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(/[\s,;:.!?\-–—]+$/u, '').replace(DANGLING, '');
  }
  return name ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : fallback;
}

export function buildWorkflowLocally(input: BuilderInput): BuiltWorkflow {
  const texts = textsFor(input.locale).builder;
  const protectedText = protect(input.query);
  const { urls, emails } = protectedText;
  // Commas inside a field list ("extract name, email and company") do not end the clause.
  const text = protectedText.text.replace(FIELD_LIST_VERB, (m) => m.replace(/\s*,\s*/g, ' & '));
  const assumptions: string[] = [];

  // "one day before the appointment", "2 weeks before renewal": timing relative to a date in
  // the data. A cron cannot say it; a daily run that checks the dates can (issue 16).
  const relative = RELATIVE_TIMING.exec(text);
  const schedule = parseSchedule(text) ?? (relative ? { cron: '0 9 * * *', spans: [[relative.index, relative.index + relative[0].length] as [number, number]], defaultTime: false, defaultWeekday: false } : null);
  if (relative && schedule?.cron === '0 9 * * *' && schedule.spans[0]?.[0] === relative.index) {
    assumptions.push(fill(texts.assumptions.relativeTiming, { when: relative[0].trim() }));
  }
  let working = text;
  let trigger: WorkflowStepInput;
  const TRIGGER_MARK = '\u0001';
  const mark = (a: number) => working.slice(0, a) + TRIGGER_MARK + working.slice(a + 1);
  if (schedule) {
    for (const [a, b] of schedule.spans) working = blank(working, a, b);
    if (schedule.spans[0]) working = mark(schedule.spans[0][0]);
    trigger = { id: 'schedule', type: 'schedule_trigger', name: clip(fill(texts.stepNames.schedule, { schedule: schedule.cron })), config: { cron: schedule.cron, timezone: 'UTC' } };
    if (schedule.defaultWeekday) assumptions.push(texts.assumptions.defaultWeekday);
    if (schedule.defaultTime && !schedule.cron.startsWith('*') && !schedule.cron.includes('/') && schedule.cron.split(' ')[1] !== '*') {
      const [minute, hour] = schedule.cron.split(' ');
      assumptions.push(fill(texts.assumptions.defaultTime, { time: `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}` }));
    }
    assumptions.push(texts.assumptions.timezone);
  } else {
    const span = findWebhook(text);
    if (span) {
      // Only the event part of the clause is the trigger; an action after it in the same
      // clause ("on each new order email me") stays readable.
      working = blank(working, span[0], span[1]);
      working = mark(span[0]);
      assumptions.push(texts.assumptions.webhook);
    } else {
      assumptions.push(texts.assumptions.noTrigger);
    }
    trigger = { id: 'trigger', type: 'webhook_trigger', name: clip(texts.stepNames.webhook), config: { method: 'POST' } };
  }

  const ctx: Ctx = {
    texts,
    locale: input.locale,
    userEmail: input.userEmail ?? null,
    trigger: schedule ? 'schedule' : 'webhook',
    assumptions,
    urls,
    emails,
    afterHttp: false,
  };

  const actions: Found['step'][] = [];
  // The first action of an "otherwise …" clause: where a condition's false branch goes.
  let elseTarget: Found['step'] | null = null;
  for (const raw of working.split(CLAUSE_SPLIT)) {
    const triggerClause = raw.includes(TRIGGER_MARK);
    const clause = raw.replace(TRIGGER_MARK, ' ');
    if (!clause.trim()) continue;
    const otherwise = OTHERWISE.test(clause);
    const { found, rest } = detectActions(clause.replace(OTHERWISE, ' '), ctx);
    if (otherwise && !elseTarget && found[0] && actions.some((a) => a.type === 'condition')) elseTarget = found.sort((a, b) => a.index - b.index)[0]!.step;
    found.sort((a, b) => a.index - b.index);
    // A condition written after the action it guards ("e-mail me if amount > 100") goes before it.
    for (let i = 1; i < found.length; i++) {
      if (found[i]!.condition && !found[i - 1]!.condition && !found.slice(i + 1).some((f) => !f.condition)) {
        found.splice(i - 1, 0, ...found.splice(i, 1));
      }
    }
    for (const f of found) actions.push(f.step);
    const leftover = rest
      .split(/[^\p{L}\p{N}_'-]+/u)
      .filter((w) => w && !FILLER.has(w.toLowerCase()) && !/^zz(?:url|mail)\d+zz$/.test(w));
    if (!found.length && !triggerClause && leftover.length >= 2) {
      assumptions.push(fill(texts.assumptions.skipped, { text: clip(restore(clause.trim().replace(/\s+/g, ' '), ctx), 80) }));
    } else if (found.length) {
      // Part of a clause understood, part not ("notify finance and pause the account"): what is
      // left starts with an action verb and names its object — say it was left out.
      for (const piece of rest.split(PIECE_SPLIT)) {
        const words = piece.split(/[^\p{L}\p{N}_'-]+/u).filter(Boolean);
        const first = words.find((w) => !FILLER.has(w.toLowerCase()));
        if (!first || !LEFTOVER_VERB.test(first) || words.filter((w) => !FILLER.has(w.toLowerCase())).length < 2) continue;
        assumptions.push(fill(texts.assumptions.skipped, { text: clip(restore(piece.trim().replace(/\s+/g, ' '), ctx), 80) }));
      }
    }
  }

  if (actions.some((a) => a.type === 'condition') && !elseTarget) assumptions.push(texts.assumptions.conditionStops);
  // A schedule brings no data (issue 16): a check after an HTTP step reads its response; a
  // check with nothing fetched before it is said to have nothing to read.
  if (schedule) {
    let fetched = false;
    for (const a of actions) {
      if (a.type === 'http_request') fetched = true;
      if (a.type !== 'condition') continue;
      const config = a.config as { field: string };
      if (!config.field.startsWith('body.')) continue;
      if (fetched) config.field = `response.${config.field}`;
      else assumptions.push(fill(texts.assumptions.scheduleNoData, { field: config.field }));
    }
  }
  if (!actions.length) {
    assumptions.push(texts.assumptions.addedLog);
    const ref = dataRef(ctx);
    actions.push({ idBase: 'log', type: 'log', name: clip(texts.stepNames.log), config: { message: ref ? `${texts.logMessage}: ${ref}` : texts.logMessage, level: 'info' } });
  }
  if (actions.length > MAX_STEPS - 1) {
    actions.length = MAX_STEPS - 1;
    assumptions.push(texts.assumptions.tooManySteps);
  }

  const counts = new Map<string, number>();
  const steps: WorkflowStepInput[] = [trigger];
  for (const { idBase, ...step } of actions) {
    const n = (counts.get(idBase) ?? 0) + 1;
    counts.set(idBase, n);
    steps.push({ ...step, id: n === 1 ? idBase : `${idBase}_${n}` } as WorkflowStepInput);
  }
  // "… otherwise log it": the condition before that step jumps to it when false.
  if (elseTarget) {
    const at = actions.indexOf(elseTarget);
    const target = steps[at + 1];
    const conditionAt = actions.slice(0, at).map((a) => a.type).lastIndexOf('condition');
    const condition = conditionAt >= 0 ? steps[conditionAt + 1] : undefined;
    if (target && condition?.type === 'condition' && steps.length < MAX_STEPS) {
      (condition.config as { elseStepId?: string }).elseStepId = target.id;
      const then = steps.slice(conditionAt + 2, at + 1).map((st) => `“${st.name}”`).join(', ');
      // The true branch ends before the false one starts (else it would run on into it).
      const end = { id: steps.some((st) => st.id === 'end') ? 'end_2' : 'end', type: 'stop', name: clip(texts.stepNames.stop), config: {} } as const;
      steps.splice(at + 1, 0, end);
      assumptions.push(fill(texts.assumptions.elseBranch, { otherwise: target.name, then: then || '—', end: end.name }));
    } else {
      assumptions.push(texts.assumptions.conditionStops);
    }
  }
  assumptions.push(texts.assumptions.draft);

  const parsed = workflowStepsSchema.safeParse(steps);
  const finalSteps = parsed.success
    ? parsed.data
    : workflowStepsSchema.parse([trigger, { id: 'log', type: 'log', name: clip(texts.stepNames.log), config: { message: texts.logMessage, level: 'info' } }]);

  return {
    name: workflowName(input.query, texts.defaultName),
    answer: fill(texts.answer, { count: finalSteps.length }),
    steps: finalSteps,
    // The fallback says so: the assumptions about steps that are not there would mislead.
    assumptions: parsed.success ? [...new Set(assumptions)] : [texts.assumptions.invalidFallback, texts.assumptions.draft],
  };
}
