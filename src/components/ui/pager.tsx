'use client';

import { useTranslations } from 'next-intl';
import { Button } from './button';

/** Previous / "Page n of m" / next, for client-side paged lists. Renders nothing for one page. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const tc = useTranslations('Common');
  if (pages <= 1) return null;
  return (
    <div className="flex items-center justify-between text-sm">
      <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {tc('previous')}
      </Button>
      <span className="text-fg-muted">{tc('pageOf', { page: page + 1, pages })}</span>
      <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {tc('next')}
      </Button>
    </div>
  );
}
