import type { Locale } from '~/i18n/locales';
import { fill, textsFor, type DebugPatternId } from '../help/catalog';

/**
 * Local error debugger (SPEC A2): a pattern library of common integration errors. Every pattern
 * has weighted signals (error codes weigh most, status codes and phrases less); the pattern with
 * the highest total wins, ties going to the earlier (more specific) pattern.
 */
type Signal = [RegExp, number];

const PATTERNS: readonly { id: Exclude<DebugPatternId, 'unknown'>; signals: Signal[] }[] = [
  {
    id: 'webhook_signature',
    signals: [
      [/signatureverificationerror|no signatures found matching|stripe-signature/i, 5],
      [/\b(?:invalid|bad|wrong|mismatch(?:ed)?|failed to verify|could not verify|unable to verify)\b[^\n]{0,40}\bsignature\b/i, 4],
      [/\bsignature\b[^\n]{0,40}\b(?:invalid|mismatch|does not match|didn'?t match|verification failed|failed)\b/i, 4],
      [/\bwebhook\b[^\n]{0,60}\b(?:secret|signature|hmac)\b/i, 3],
      [/\bhmac\b/i, 2],
      [/\btimestamp\b[^\n]{0,30}\b(?:tolerance|too old)\b/i, 2],
    ],
  },
  {
    id: 'card_declined',
    signals: [
      [/\bcard_declined\b|\byour card was declined\b|\bcard (?:was |has been )?declined\b/i, 5],
      [/\binsufficient_funds\b|\binsufficient funds\b|\bdo_not_honou?r\b|\bexpired_card\b|\bincorrect_cvc\b|\bcard_error\b|\blost_card\b|\bstolen_card\b/i, 4],
      [/\bpayment\b[^\n]{0,30}\b(?:declined|refused|failed)\b/i, 3],
      [/\bdeclined\b/i, 1],
    ],
  },
  {
    id: 'tls',
    signals: [
      [/\bCERT_[A-Z_]+\b|\bUNABLE_TO_VERIFY_LEAF_SIGNATURE\b|\bDEPTH_ZERO_SELF_SIGNED_CERT\b|\bSELF_SIGNED_CERT_IN_CHAIN\b|\bERR_TLS_[A-Z_]+\b|\bERR_SSL_[A-Z_]+\b|\bEPROTO\b/, 5],
      [/\bself[- ]signed certificate\b|\bcertificate (?:has )?expired\b|\bcertificate verify failed\b|\bunable to get local issuer certificate\b|\bhostname\/ip does not match certificate\b/i, 5],
      [/\b(?:ssl|tls)\b[^\n]{0,40}\b(?:handshake|error|alert|failed|certificate)\b/i, 4],
      [/\bcertificate\b/i, 2],
    ],
  },
  {
    id: 'dns',
    signals: [
      [/\bENOTFOUND\b|\bEAI_AGAIN\b|\bEAI_NONAME\b|\bNXDOMAIN\b|\bERR_NAME_NOT_RESOLVED\b/, 5],
      [/\bgetaddrinfo\b|\bcould not resolve host\b|\bname or service not known\b|\bno such host\b|\bname resolution\b|\bdns\b/i, 4],
    ],
  },
  {
    id: 'connection_refused',
    signals: [
      [/\bECONNREFUSED\b|\bERR_CONNECTION_REFUSED\b/, 5],
      [/\bconnection refused\b|\bconnect(?:ion)? (?:was )?refused\b|\bfailed to connect\b|\bcouldn'?t connect\b/i, 4],
    ],
  },
  {
    id: 'connection_reset',
    signals: [
      [/\bECONNRESET\b|\bEPIPE\b|\bERR_CONNECTION_RESET\b|\bUND_ERR_SOCKET\b/, 5],
      [/\bsocket hang up\b|\bconnection (?:was )?reset\b|\bconnection closed\b|\bbroken pipe\b|\bother side closed\b/i, 4],
    ],
  },
  {
    id: 'timeout',
    signals: [
      [/\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bECONNABORTED\b|\bUND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT\b|\bTimeoutError\b|\bERR_TIMED_OUT\b/, 5],
      [/\btimed? ?out\b|\btimeout\b|\bdeadline exceeded\b|\btook too long\b/i, 4],
      [/\b504\b/, 2],
    ],
  },
  {
    id: 'rate_limited',
    signals: [
      [/\b429\b/, 4],
      [/\btoo many requests\b|\brate[ _-]?limit(?:ed|ing)?\b|\bquota exceeded\b|\bthrottl(?:ed|ing)\b|\bslow down\b|\bretry-after\b/i, 4],
    ],
  },
  {
    id: 'unauthorized',
    signals: [
      [/\b401\b/, 4],
      [/\bunauthori[sz]ed\b|\binvalid[_ ]api[_ ]key\b|\bincorrect api key\b|\bno api key\b|\bapi key (?:is )?(?:missing|invalid|not valid)\b/i, 4],
      [/\bauthentication (?:failed|required|error)\b|\binvalid[_ ](?:token|credentials)\b|\b(?:jwt|token) (?:has )?expired\b|\bnot authenticated\b|\bbad credentials\b|\bmissing (?:bearer|authorization)\b/i, 4],
    ],
  },
  {
    id: 'forbidden',
    signals: [
      [/\b403\b/, 4],
      [/\bforbidden\b|\bpermission denied\b|\baccess denied\b|\binsufficient (?:scope|permissions?|privileges)\b|\bnot permitted\b|\bnot allowed to\b|\bEACCES\b/i, 4],
    ],
  },
  {
    id: 'not_found',
    signals: [
      [/\b404\b/, 4],
      [/\bnot found\b|\bno such (?:resource|route|endpoint|file|path)\b|\bdoes not exist\b|\bresource_missing\b|\bENOENT\b|\bunknown (?:route|endpoint)\b/i, 3],
    ],
  },
  {
    id: 'server_error',
    signals: [
      [/\b50[0-3]\b|\b5\d\d (?:error|status)\b|\bstatus(?: code)?:? ?5\d\d\b/i, 4],
      [/\binternal server error\b|\bbad gateway\b|\bservice (?:temporarily )?unavailable\b|\bupstream\b[^\n]{0,30}\berror\b/i, 4],
    ],
  },
  {
    id: 'invalid_json',
    signals: [
      [/\bunexpected token\b[^\n]{0,40}\bjson\b|\bunexpected end of json input\b|\bjson\.parse\b|\bJSONDecodeError\b|\bnot valid json\b|\binvalid json\b|\bmalformed json\b/i, 5],
      [/\bSyntaxError\b[^\n]{0,60}\b(?:json|position \d+)\b/i, 4],
      [/\bunexpected (?:token|character)\b|\bjson\b[^\n]{0,30}\b(?:parse|parsing|syntax)\b/i, 3],
    ],
  },
  {
    id: 'schema_validation',
    signals: [
      [/\bZodError\b|\bValidationError\b|\bschema validation\b|\bvalidation (?:failed|error)\b|\bunprocessable\b|\b422\b/i, 5],
      [/\b(?:is|field) required\b|\brequired (?:field|property)\b|\bmissing (?:required )?(?:field|property|parameter)\b|\bexpected \w+, received \w+\b|\binvalid (?:type|format|value|enum value|email)\b|\bmust (?:be|match|have)\b|\badditional propert(?:y|ies)\b/i, 3],
      [/\bschema\b|\bvalidat(?:e|ion)\b/i, 1],
    ],
  },
];

export type DebugDiagnosis = {
  category: DebugPatternId;
  title: string;
  explanation: string;
  steps: string[];
  prevention: string[];
};

export function classifyError(error: string): DebugPatternId {
  let best: { id: DebugPatternId; score: number } = { id: 'unknown', score: 0 };
  for (const pattern of PATTERNS) {
    let score = 0;
    for (const [re, weight] of pattern.signals) if (re.test(error)) score += weight;
    if (score > best.score) best = { id: pattern.id, score };
  }
  return best.id;
}

/**
 * What the error itself says (issue 16): the host, port, path and HTTP status it names — from a
 * URL, "connect ECONNREFUSED 10.0.0.5:5432", "getaddrinfo ENOTFOUND api.example.com",
 * "GET /v1/customers/cus_1" or "status 503" — so the explanation speaks about this failure.
 */
export function errorFacts(error: string): { host?: string; port?: string; path?: string; status?: string } {
  const facts: { host?: string; port?: string; path?: string; status?: string } = {};
  const url = /\bhttps?:\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?(\/[^\s"'<>?#]*)?/i.exec(error);
  if (url) {
    facts.host = url[1];
    if (url[2]) facts.port = url[2];
    if (url[3] && url[3] !== '/') facts.path = url[3];
  }
  const hostPort = /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|connect(?:ing)? to|connection to)\s+([a-z0-9.-]+|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):(\d{1,5})\b/i.exec(error);
  if (hostPort) {
    facts.host ??= hostPort[1];
    facts.port ??= hostPort[2];
  }
  const dns = /\b(?:ENOTFOUND|EAI_AGAIN|could not resolve host:?|no such host:?)\s+([a-z0-9.-]+\.[a-z]{2,})\b/i.exec(error);
  if (dns) facts.host ??= dns[1];
  const path = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/[^\s"'<>?#]*)/.exec(error);
  if (path) facts.path ??= path[1];
  const status = /\b(?:status(?:\s*code)?|HTTP(?:\/\d(?:\.\d)?)?|code)\s*[:=]?\s*([1-5]\d\d)\b/i.exec(error) ?? /(?:^|[\s(])([45]\d\d)(?=[\s:)]|$)\s*(?:[A-Z][a-z]+|-|:|\))/.exec(error);
  if (status) facts.status = status[1];
  return facts;
}

export function diagnoseLocally(locale: Locale, error: string): DebugDiagnosis {
  const category = classifyError(error);
  const texts = textsFor(locale);
  const text = texts.debug[category];
  const facts = errorFacts(error);
  const labels = texts.debugFacts;
  const found = (['host', 'port', 'path', 'status'] as const).filter((k) => facts[k]).map((k) => `${labels[k]} ${facts[k]}`);
  const explanation = found.length ? `${text.explanation} ${fill(labels.lead, { facts: found.join(', ') })}` : text.explanation;
  return { category, title: text.title, explanation, steps: [...text.steps], prevention: [...text.prevention] };
}
