'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { cn } from '~/lib/cn';

export type TabItem = { id: string; label: string; content: React.ReactNode };

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the active tab is tabbable.
 * A strip wider than the screen scrolls sideways and says so: a fade at the edge that has more
 * tabs behind it, and the active tab scrolled into view.
 */
export function Tabs({ items, label, defaultTab }: { items: TabItem[]; label: string; defaultTab?: string }) {
  const [active, setActive] = useState(defaultTab ?? items[0]?.id);
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const strip = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = strip.current;
    if (!el) return;
    const hiddenLeft = el.scrollLeft;
    const hiddenRight = el.scrollWidth - el.clientWidth - el.scrollLeft;
    setMore({ left: hiddenLeft >= 2, right: hiddenRight >= 2 });
  }, []);
  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);
  const chosen = useRef(false);
  useEffect(() => {
    // Only after a choice: on first paint the page must not scroll to the strip.
    if (!chosen.current) {
      chosen.current = true;
      return;
    }
    refs.current[items.findIndex((i) => i.id === active)]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, items]);

  const focusTab = (index: number) => {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    setActive(item.id);
    refs.current[(index + items.length) % items.length]?.focus();
  };

  return (
    <div>
      <div className="relative" data-more-left={more.left} data-more-right={more.right} data-testid="tabs-strip">
        <div ref={strip} onScroll={measure} role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-border">
          {items.map((item, i) => {
            const selected = item.id === active;
            return (
              <button
                key={item.id}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                role="tab"
                type="button"
                id={`${baseId}-tab-${item.id}`}
                aria-selected={selected}
                aria-controls={`${baseId}-panel-${item.id}`}
                tabIndex={selected ? 0 : -1}
                onClick={() => setActive(item.id)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight') focusTab(i + 1);
                  else if (e.key === 'ArrowLeft') focusTab(i - 1);
                  else if (e.key === 'Home') focusTab(0);
                  else if (e.key === 'End') focusTab(items.length - 1);
                  else return;
                  e.preventDefault();
                }}
                className={cn(
                  '-mb-px whitespace-nowrap border-b-2 px-4 py-2 text-sm font-medium',
                  selected ? 'border-accent text-fg' : 'border-transparent text-fg-muted hover:text-fg',
                )}
              >
                {item.label}
              </button>
            );
          })}
        </div>
        {more.left ? <span aria-hidden className="pointer-events-none absolute inset-y-0 left-0 w-8 bg-gradient-to-r from-bg to-transparent" /> : null}
        {more.right ? (
          <span aria-hidden className="pointer-events-none absolute inset-y-0 right-0 flex w-10 items-center justify-end bg-gradient-to-l from-bg to-transparent pr-0.5 text-fg-muted">
            ›
          </span>
        ) : null}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${baseId}-panel-${item.id}`}
          aria-labelledby={`${baseId}-tab-${item.id}`}
          hidden={item.id !== active}
          tabIndex={0}
          className="pt-4"
        >
          {item.id === active ? item.content : null}
        </div>
      ))}
    </div>
  );
}
