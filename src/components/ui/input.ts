/** The look of a single-line text input or select in forms (labels above, full width). */
export const textInputClass = 'mt-1 block h-10 w-full rounded-lg border border-border bg-surface-raised px-3 text-base text-fg';
/** The look of a multi-line text field (same frame as `textInputClass`, grows with its rows). */
export const textAreaClass = 'mt-1 block w-full rounded-lg border border-border bg-surface-raised px-3 py-2 text-base text-fg';
