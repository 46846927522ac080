import type { Locale } from '~/i18n/locales';
import de from '../../../../messages/de.json';
import en from '../../../../messages/en.json';
import es from '../../../../messages/es.json';
import fr from '../../../../messages/fr.json';
import hi from '../../../../messages/hi.json';
import it from '../../../../messages/it.json';
import ja from '../../../../messages/ja.json';
import nl from '../../../../messages/nl.json';
import pt from '../../../../messages/pt.json';

/**
 * The nine message catalogs for texts the server writes itself (validation messages, e-mails):
 * the same files the pages use, imported statically so the typechecker sees every locale.
 */
export type Catalog = typeof en;
export const CATALOGS: Record<Locale, Catalog> = { en, es, fr, de, pt, it, nl, hi, ja };

/** `{name}` arguments only: server-written messages use no plurals or selects. */
export const fillMessage = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : m));
