/** A refusal or error shown where it happened (role="alert": read out when it appears). */
export function ErrorAlert({ children, className, testId }: { children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <p role="alert" data-testid={testId} className={`rounded-lg border border-rose-500/40 bg-rose-950/60 px-3 py-2 text-sm text-rose-100 ${className ?? ''}`.trim()}>
      {children}
    </p>
  );
}
