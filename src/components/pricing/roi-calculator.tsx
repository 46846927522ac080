'use client';

import { useId, useState } from 'react';
import { estimateRoi, parseRoiInput, ROI_DEFAULTS, ROI_LIMITS, type RoiField } from '~/lib/roi';

/** Texts arrive translated from the server page (no i18n runtime in the browser). */
export type RoiTexts = {
  title: string;
  lead: string;
  hoursLabel: string;
  rateLabel: string;
  hoursSaved: string;
  valueSaved: string;
  assumption: string;
  hoursError: string;
  rateError: string;
};

const inputClass =
  'mt-1 block h-11 w-full rounded-lg border bg-surface-raised px-3 text-base text-fg aria-[invalid=true]:border-danger border-border';

/** SPEC B4: hours per week and hourly cost -> hours and money saved per month (src/lib/roi.ts). */
export function RoiCalculator({ texts: t, locale }: { texts: RoiTexts; locale: string }) {
  const id = useId();
  const [values, setValues] = useState<Record<RoiField, string>>({
    hoursPerWeek: String(ROI_DEFAULTS.hoursPerWeek),
    hourlyRate: String(ROI_DEFAULTS.hourlyRate),
  });
  const hours = parseRoiInput('hoursPerWeek', values.hoursPerWeek);
  const rate = parseRoiInput('hourlyRate', values.hourlyRate);
  const result = hours !== null && rate !== null ? estimateRoi(hours, rate) : null;
  const hoursFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 0 });

  const field = (name: RoiField, label: string, error: string, invalid: boolean) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        data-testid={`roi-${name}`}
        type="number"
        inputMode="decimal"
        min={ROI_LIMITS[name].min}
        max={ROI_LIMITS[name].max}
        step="any"
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-${name}-error` : undefined}
        className={inputClass}
      />
      {invalid ? (
        <p id={`${id}-${name}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-card border border-border bg-surface/80 p-5 sm:p-8" data-testid="roi-calculator">
      <h2 id={`${id}-title`} className="text-2xl font-semibold">
        {t.title}
      </h2>
      <p className="mt-2 text-fg-muted">{t.lead}</p>
      <form className="mt-6 grid gap-6 md:grid-cols-2" onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="space-y-4">
          {field('hoursPerWeek', t.hoursLabel, t.hoursError, hours === null)}
          {field('hourlyRate', t.rateLabel, t.rateError, rate === null)}
        </div>
        <div className="rounded-lg border border-border bg-surface-raised p-4">
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-sm text-fg-muted">{t.hoursSaved}</dt>
              <dd className="mt-1 text-3xl font-semibold">
                <output data-testid="roi-hours-saved" aria-live="polite">
                  {result ? hoursFormat.format(result.hoursSavedPerMonth) : '—'}
                </output>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-fg-muted">{t.valueSaved}</dt>
              <dd className="mt-1 text-3xl font-semibold text-accent-2">
                <output data-testid="roi-value-saved" aria-live="polite">
                  {result ? moneyFormat.format(result.valueSavedPerMonth) : '—'}
                </output>
              </dd>
            </div>
          </dl>
          <p className="mt-4 text-xs text-fg-muted">{t.assumption}</p>
        </div>
      </form>
    </section>
  );
}
