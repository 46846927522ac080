import { getTranslations, setRequestLocale } from 'next-intl/server';
import { TemplateGallery } from '~/components/growth/template-gallery';
import type { Locale } from '~/i18n/routing';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '~/server/domain/growth/templates-catalog';

/** SPEC G1: starter templates; `?category=billing` opens a category's tab. */
export default async function TemplatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, sp] = await Promise.all([getTranslations('TemplateGallery'), searchParams]);
  const category = (TEMPLATE_CATEGORIES as readonly string[]).includes(String(sp.category)) ? (sp.category as TemplateCategory) : undefined;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('lead')}</p>
      </header>
      <TemplateGallery initialCategory={category} />
    </div>
  );
}
