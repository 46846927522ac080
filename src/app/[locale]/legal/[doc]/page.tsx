import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';

const DOCS = ['terms', 'privacy', 'cookies', 'dpa'] as const;
type Doc = (typeof DOCS)[number];
const isDoc = (doc: string): doc is Doc => (DOCS as readonly string[]).includes(doc);

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale; doc: string }> }): Promise<Metadata> {
  const { locale, doc } = await params;
  if (!isDoc(doc)) return {};
  const t = await getTranslations({ locale, namespace: 'Legal' });
  return { title: `${t(`${doc}.title`)} · Levqor` };
}

/** A legal text's paragraphs: "## " lines are headings, "- " lines list items (messages/, Legal.*.body). */
function Body({ text }: { text: string }) {
  const blocks = text.split(/\n\n+/);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        const heading = lines[0]!.startsWith('## ') ? lines.shift()!.slice(3) : null;
        const items = lines.every((l) => l.startsWith('- ')) && lines.length > 0;
        return (
          <section key={i} className="mt-6">
            {heading ? <h2 className="text-lg font-semibold">{heading}</h2> : null}
            {items ? (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-fg-muted">
                {lines.map((l, k) => (
                  <li key={k}>{l.slice(2)}</li>
                ))}
              </ul>
            ) : (
              lines.map((l, k) => (
                <p key={k} className="mt-2 text-fg-muted">
                  {l}
                </p>
              ))
            )}
          </section>
        );
      })}
    </>
  );
}

/** Terms, privacy, cookies and DPA (SPEC P5): short and true to what the product stores. */
export default async function LegalPage({ params }: { params: Promise<{ locale: Locale; doc: string }> }) {
  const { locale, doc } = await params;
  if (!isDoc(doc)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Legal');
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10 sm:py-16">
      <Card className="p-6 sm:p-8">
        <nav aria-label={t('nav')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {DOCS.map((d) => (
            <Link key={d} href={`/legal/${d}`} aria-current={d === doc ? 'page' : undefined} className={d === doc ? 'font-semibold text-fg' : 'text-fg-muted hover:text-fg'}>
              {t(`${d}.title`)}
            </Link>
          ))}
        </nav>
        <h1 className="mt-6 text-2xl font-bold sm:text-3xl">{t(`${doc}.title`)}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('updated')}</p>
        <Body text={t(`${doc}.body`)} />
      </Card>
    </main>
  );
}
