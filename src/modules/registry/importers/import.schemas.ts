// Forms of the import pages.
import { z } from 'zod';
import { REGISTERS } from './types.ts';

export const registerField = z.enum(REGISTERS, 'field.required');

export const uploadForm = z.object({
  register: registerField,
  file: z.object({ filename: z.string(), data: z.instanceof(Buffer) }, 'registry.import.error.fileRequired')
    .refine((f) => f.data.length > 0, 'registry.import.error.fileRequired'),
});

export const confirmForm = z.object({
  register: registerField,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'registry.import.error.expired'),
  file_name: z.string().trim().min(1).max(255),
});

export const runParams = z.object({ slug: z.string(), id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
