import { cn } from '~/lib/cn';

/**
 * A data table for wide figures (the retention grid has 14 columns): it scrolls sideways inside
 * a focusable, labelled region, so keyboard users can scroll it and the page never overflows at
 * 375 px. Same look as ~/components/ui/table; use its THead / Th / Td inside.
 */
export function DataTable({ className, caption, children }: { className?: string; caption: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn('w-full overflow-x-auto rounded-lg border border-border', className)}
    >
      <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
