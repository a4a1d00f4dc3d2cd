import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/index.ts';
import { looksLikeEmail, normalizeArmenianMobile, normalizeEmail } from '../../platform/auth/identifiers.ts';

export const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

/** A missing field is "required"; a field sent twice (an array) or of another type is "invalid". */
const str = () => z.string({ error: (iss) => (iss.input === undefined ? 'field.required' : 'field.invalid') });
const required = (max: number) => str().trim().min(1, 'field.required').max(max, 'field.tooLong');
const password = z
  .string({ error: 'field.required' })
  .min(1, 'field.required')
  .max(PASSWORD_MAX, 'field.tooLong')
  .refine((v) => v.length >= PASSWORD_MIN, 'auth.password.tooShort');
/** Whatever the person typed; only checked for presence and size (the hash decides the rest). */
const anyPassword = str().min(1, 'field.required').max(PASSWORD_MAX, 'field.tooLong');
const optional = (max: number) => str().trim().max(max, 'field.tooLong').optional().default('');
const totpCode = str().trim().min(1, 'field.required').max(20, 'field.tooLong').regex(/^\d{3}\s?\d{3}$/, 'auth.totp.format');

export const signInForm = z.object({
  identifier: required(254),
  password: anyPassword,
  next: optional(500),
});

export const totpForm = z.object({ code: totpCode, next: optional(500) });

export const registerForm = z
  .object({
    full_name: required(120),
    email: optional(254),
    phone: optional(30),
    password,
    password_confirm: str().min(1, 'field.required').max(PASSWORD_MAX, 'field.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'accounts.error.emailOrPhone' });
    if (v.email && !looksLikeEmail(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'auth.email.invalid' });
    if (v.phone && !normalizeArmenianMobile(v.phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'auth.phone.invalid' });
    if (v.password_confirm !== v.password) ctx.addIssue({ code: 'custom', path: ['password_confirm'], message: 'auth.password.mismatch' });
  })
  .transform((v) => ({
    fullName: v.full_name,
    email: v.email ? normalizeEmail(v.email) : null,
    phone: v.phone ? normalizeArmenianMobile(v.phone) : null,
    password: v.password,
  }));

export const forgotForm = z.object({
  email: required(254).refine(looksLikeEmail, 'auth.email.invalid').transform(normalizeEmail),
});

export const resetForm = z
  .object({ password, password_confirm: anyPassword })
  .refine((v) => v.password === v.password_confirm, { path: ['password_confirm'], message: 'auth.password.mismatch' });

export const localeForm = z.object({ locale: z.enum(LOCALES, { error: 'field.invalid' }) });

export const changePasswordForm = z
  .object({ current_password: anyPassword, new_password: password, confirm_password: anyPassword })
  .refine((v) => v.new_password === v.confirm_password, { path: ['confirm_password'], message: 'auth.password.mismatch' });

export const totpConfirmForm = z.object({ totp_code: totpCode });
export const totpDisableForm = z.object({ totp_password: anyPassword });
export const tokenCreateForm = z.object({ token_name: required(80) });

const localizedName = z.object({ hy: z.string(), en: z.string(), ru: z.string() });

export const meResponse = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isStaff: z.boolean(),
  locale: z.string(),
  nationalRoles: z.array(z.string()),
  communities: z.array(
    z.object({
      slug: z.string(),
      name: localizedName,
      roles: z.array(z.string()),
      settlementIds: z.array(z.number()),
    }),
  ),
});
export type Me = z.infer<typeof meResponse>;
