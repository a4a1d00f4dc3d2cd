// Finance is built from sub-domains, each with its own `*.part.ts` (platform/module/parts.ts).
export type { ModulePart as FinancePart } from '../../platform/module/parts.ts';
