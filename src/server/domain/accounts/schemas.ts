import { z } from 'zod';
import { locales } from '~/i18n/routing';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mail address is too long')
  .pipe(z.email('Enter a valid e-mail address'));

export const passwordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

const utm = z.string().trim().max(100).optional();

export const signUpInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name').max(100),
  email: emailSchema,
  password: passwordSchema,
  companyName: z.string().trim().max(100).optional(),
  locale: z.enum(locales).default('en'),
  source: utm,
  utmMedium: utm,
  utmCampaign: utm,
});
export type SignUpInput = z.input<typeof signUpInputSchema>;

export const signInInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
