// The standard workflow most services use, built as data so a template (or the IT
// administrator) can add states and change who may act. The engine only relies on the
// action kinds, the "draft" and "submitted" states, and states marked final.
import type { ActionSpec, ActorRole, Localized, StateSpec, WorkflowSpec } from './spec.ts';

const L = (hy: string, en: string, ru: string): Localized => ({ hy, en, ru });

export const STANDARD_STATES = {
  draft: L('Սևագիր', 'Draft', 'Черновик'),
  submitted: L('Ներկայացված', 'Submitted', 'Подано'),
  registered: L('Գրանցված', 'Registered', 'Зарегистрировано'),
  in_review: L('Քննարկման մեջ', 'In review', 'На рассмотрении'),
  info_requested: L('Պահանջվում է լրացում', 'More information needed', 'Требуется дополнение'),
  approved: L('Հաստատված', 'Approved', 'Одобрено'),
  rejected: L('Մերժված', 'Rejected', 'Отклонено'),
  delivered: L('Տրամադրված', 'Delivered', 'Выдано'),
  withdrawn: L('Հետ կանչված', 'Withdrawn', 'Отозвано'),
} as const;

export interface StandardWorkflowOptions {
  /** Who decides (approve / reject). */
  deciders?: ActorRole[];
  /** Working days allowed in review before the case is late at that step. */
  reviewDays?: number;
  /** Extra review steps between in_review and the decision, e.g. a site inspection. */
  extraSteps?: { key: string; label: Localized; days?: number; roles: ActorRole[] }[];
}

const DESK: ActorRole[] = ['operator', 'settlement_head', 'chief_of_staff'];
const REVIEWERS: ActorRole[] = ['specialist', 'chief_of_staff'];

export function standardWorkflow(opts: StandardWorkflowOptions = {}): WorkflowSpec {
  const deciders = opts.deciders ?? ['specialist', 'chief_of_staff', 'head'];
  const extra = opts.extraSteps ?? [];
  const state = (key: keyof typeof STANDARD_STATES, more: Partial<StateSpec> = {}): StateSpec => ({ key, label: STANDARD_STATES[key], final: false, ...more });
  const states: StateSpec[] = [
    state('draft'),
    state('submitted', { days: 1 }),
    state('registered', { days: 2 }),
    state('in_review', { days: opts.reviewDays ?? 5 }),
    ...extra.map((s) => ({ key: s.key, label: s.label, final: false, publicLabel: STANDARD_STATES.in_review, ...(s.days ? { days: s.days } : {}) })),
    state('info_requested'),
    state('approved', { days: 3 }),
    state('rejected', { final: true }),
    state('delivered', { final: true }),
    state('withdrawn', { final: true }),
  ];
  const reviewing = ['in_review', ...extra.map((s) => s.key)];
  const action = (a: ActionSpec): ActionSpec => a;
  const actions: ActionSpec[] = [
    action({ key: 'submit', kind: 'submit', label: L('Ներկայացնել', 'Submit', 'Подать'), from: ['draft'], to: 'submitted', roles: ['applicant', ...DESK] }),
    action({ key: 'register', kind: 'register', label: L('Գրանցել', 'Register', 'Зарегистрировать'), from: ['submitted'], to: 'registered', roles: DESK }),
    action({ key: 'assign', kind: 'assign', label: L('Հանձնարարել', 'Assign', 'Назначить'), from: ['registered', ...reviewing], to: 'in_review', roles: ['chief_of_staff', 'specialist', 'operator', 'settlement_head'] }),
    action({ key: 'request_info', kind: 'request_info', label: L('Պահանջել լրացում', 'Request more information', 'Запросить дополнение'), from: reviewing, to: 'info_requested', roles: REVIEWERS }),
    action({ key: 'resume', kind: 'resume', label: L('Վերսկսել', 'Resume', 'Возобновить'), from: ['info_requested'], to: 'in_review', roles: ['applicant', ...REVIEWERS, 'operator'] }),
    ...extra.flatMap((s, i) => [
      action({ key: `to_${s.key}`, kind: 'move', label: s.label, from: [i === 0 ? 'in_review' : extra[i - 1]!.key], to: s.key, roles: s.roles }),
    ]),
    action({ key: 'approve', kind: 'approve', label: L('Հաստատել', 'Approve', 'Одобрить'), from: [reviewing[reviewing.length - 1]!], to: 'approved', roles: deciders }),
    action({ key: 'reject', kind: 'reject', label: L('Մերժել', 'Reject', 'Отклонить'), from: ['registered', ...reviewing], to: 'rejected', roles: deciders }),
    action({ key: 'deliver', kind: 'deliver', label: L('Տրամադրել', 'Deliver', 'Выдать'), from: ['approved'], to: 'delivered', roles: ['applicant', ...DESK, 'specialist'] }),
    action({ key: 'withdraw', kind: 'withdraw', label: L('Հետ կանչել', 'Withdraw', 'Отозвать'), from: ['draft', 'submitted', 'registered', ...reviewing, 'info_requested'], to: 'withdrawn', roles: ['applicant', 'operator'] }),
  ];
  return { states, actions };
}

/** States after a decision: the clock has stopped for good. */
export function isDecidedState(state: string): boolean {
  return state === 'approved' || state === 'rejected' || state === 'delivered';
}
