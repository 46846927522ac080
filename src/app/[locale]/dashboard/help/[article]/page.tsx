import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClasses } from '~/components/ui/button';
import { Card, CardTitle } from '~/components/ui/card';
import { ServerLink as Link } from '~/components/ui/server-link';
import type { Locale } from '~/i18n/routing';
import { helpArticle, HELP_ARTICLE_IDS, isHelpArticleId, resolveLocale } from '~/server/domain/ai/help/catalog';

type Params = Promise<{ locale: Locale; article: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, article } = await params;
  if (!isHelpArticleId(article)) return {};
  return { title: helpArticle(resolveLocale(locale), article).title };
}

/** A help article of the local AI engine (the source an AI chat answer links to), in the UI's locale. */
export default async function HelpArticlePage({ params }: { params: Params }) {
  const { locale: rawLocale, article } = await params;
  setRequestLocale(rawLocale);
  if (!isHelpArticleId(article)) notFound();
  const locale = resolveLocale(rawLocale);
  const t = await getTranslations('AI.helpPage');
  const a = helpArticle(locale, article);
  const others = HELP_ARTICLE_IDS.filter((id) => id !== article).map((id) => helpArticle(locale, id));

  return (
    <div className="space-y-6">
      <Link href="/dashboard" className={buttonClasses('ghost', 'sm')}>
        ← {t('back')}
      </Link>
      <article className="max-w-3xl space-y-4" data-testid="help-article">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent">{t('kicker')}</p>
        <h1 className="text-2xl font-bold sm:text-3xl">{a.title}</h1>
        <p className="text-fg-muted">{a.summary}</p>
        <h2 className="text-lg font-semibold">{t('stepsTitle')}</h2>
        <ol className="list-decimal space-y-1 pl-5">
          {a.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        <p className="text-sm text-fg-muted">{t('askAi')}</p>
      </article>
      <Card>
        <CardTitle>{t('otherArticles')}</CardTitle>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {others.map((o) => (
            <li key={o.id}>
              <Link href={o.href} className="text-accent underline-offset-2 hover:underline">
                {o.title}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
