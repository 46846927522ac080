import { cn } from '~/lib/cn';

export function Card({ className, ...props }: React.HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn('min-w-0 rounded-card border border-border bg-surface/80 p-5 shadow-sm', className)}
      {...props}
    />
  );
}

export function CardTitle({ className, as: Tag = 'h2', ...props }: React.HTMLAttributes<HTMLHeadingElement> & { as?: 'h2' | 'h3' }) {
  return <Tag className={cn('text-base font-semibold text-fg', className)} {...props} />;
}

export function CardDescription({ className, ...props }: React.HTMLAttributes<HTMLParagraphElement>) {
  return <p className={cn('mt-1 text-sm text-fg-muted', className)} {...props} />;
}
