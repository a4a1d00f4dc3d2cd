// Forms and queries of the statements pages.
import { z } from 'zod';
import { SOURCES } from './mappings.ts';

const rowId = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const idParams = z.object({ slug: z.string(), id: rowId });

export const uploadForm = z.object({
  source: z.enum(SOURCES, 'field.required'),
  file: z.object({ filename: z.string(), data: z.instanceof(Buffer) }, 'finance.statements.error.fileRequired')
    .refine((f) => f.data.length > 0, 'finance.statements.error.fileRequired'),
});

export const importQuery = z.object({ repeated: z.literal('1').optional() }).strict();

export const queueQuery = z.object({ page: z.coerce.number().int().min(1).max(100000).optional() }).strict();

/** A payer as the forms name one: "resident:12", "organization:3". */
export const payerRef = z.string().regex(/^(resident|organization):\d{1,10}$/, 'finance.statements.error.payer')
  .transform((v) => {
    const [kind, id] = v.split(':') as ['resident' | 'organization', string];
    return { kind, id: Number(id) };
  });

export const lineQuery = z.object({
  q: z.string().trim().max(100).optional(),
  payer: payerRef.optional(),
  done: z.enum(['matched', 'ignored']).optional(),
}).strict();

const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(rowId).max(200));
const note = z.string().trim().max(500, 'finance.statements.error.note');

export const matchForm = z.object({
  payer: payerRef,
  obligation: list,
  note: note.optional().transform((v) => v || null),
});

export const ignoreForm = z.object({ note: note.min(1, 'finance.statements.error.note') });
