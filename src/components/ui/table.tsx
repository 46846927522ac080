import { cn } from '~/lib/cn';

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the layout. `fit`:
 * the table fits a phone by itself (its secondary columns hide below `sm`), so its actions are
 * never pushed off-screen behind a sideways scroll.
 */
export function Table({ className, caption, children, fit = false }: { className?: string; caption: string; children: React.ReactNode; fit?: boolean }) {
  return (
    <div className={cn('w-full overflow-x-auto rounded-lg border border-border', className)}>
      <table className={cn('w-full border-collapse text-left text-sm', fit ? 'sm:min-w-[32rem]' : 'min-w-[32rem]')}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: React.ReactNode }) {
  return <thead className="bg-surface-raised text-xs uppercase tracking-wide text-fg-muted">{children}</thead>;
}

export function Th({ className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('px-4 py-3 font-medium', className)} {...props} />;
}

export function Td({ className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-t border-border px-4 py-3 align-middle', className)} {...props} />;
}
