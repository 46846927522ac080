import { getTranslations } from 'next-intl/server';
import { buttonClasses } from './button';
import { ServerLink as Link } from './server-link';

/**
 * Previous / "Page n of m" / next as links, for server-rendered paged lists. Keeps the other
 * query parameters; renders nothing for a single page.
 */
export async function ServerPager({
  pathname,
  page,
  pages,
  query = {},
  label,
}: {
  pathname: string;
  page: number;
  pages: number;
  query?: Record<string, string | number>;
  label?: string;
}) {
  if (pages <= 1) return null;
  const tc = await getTranslations('Common');
  const pageOf = tc('pageOf', { page: page + 1, pages });
  const href = (p: number) => ({ pathname, query: { ...query, page: p } });
  return (
    <nav className="flex items-center justify-between text-sm" aria-label={label ?? pageOf}>
      {page > 0 ? (
        <Link href={href(page - 1)} className={buttonClasses('secondary', 'sm')}>
          {tc('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-fg-muted">{pageOf}</span>
      {page + 1 < pages ? (
        <Link href={href(page + 1)} className={buttonClasses('secondary', 'sm')}>
          {tc('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
