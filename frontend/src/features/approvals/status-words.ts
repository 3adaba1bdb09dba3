import type { components } from '@/api/schema'
import type { TagType as Tone } from '@/components/status-palette'

type S = components['schemas']
export type InstanceStatus = S['InstanceStatus']
export type TaskStatus = S['TaskStatus']
export type EventAction = S['EventAction']
export type RequestAction = S['RequestAction']

/**
 * The words the server's state machines use, each with its tag colour. The maps are exhaustive
 * (`Record<…>` over the generated unions): a state added on the server is a type error here until
 * it has a colour, and `status-words.spec.ts` checks that it has a label in both languages.
 */
export const INSTANCE_STATUS_TONES: Record<InstanceStatus, Tone> = {
  running: 'primary',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  cancelled: 'info',
}

export const TASK_STATUS_TONES: Record<TaskStatus, Tone> = {
  pending: 'info',
  waiting: 'info',
  approved: 'success',
  rejected: 'danger',
  returned: 'info',
  transferred: 'info',
  suspended: 'info',
  queued: 'info',
  closed: 'info',
  cancelled: 'info',
  superseded: 'info',
  unread: 'info',
  read: 'info',
  reassigned: 'info',
  removed: 'info',
}

export const EVENT_TONES: Record<EventAction, Tone> = {
  submit: 'primary',
  step_entered: 'primary',
  step_skipped: 'primary',
  fallback: 'primary',
  delegated: 'primary',
  approve: 'success',
  reject: 'danger',
  return: 'warning',
  resubmit: 'primary',
  transfer: 'primary',
  add_signer: 'primary',
  comment: 'primary',
  urge: 'primary',
  recall: 'primary',
  withdraw: 'warning',
  cancel: 'danger',
  overdue: 'danger',
  escalate: 'primary',
  step_passed: 'primary',
  step_reopened: 'primary',
  finished: 'success',
  to_superior: 'primary',
  applicant_confirmed: 'primary',
  superior_required: 'primary',
  next_in_order: 'primary',
  reassign: 'primary',
  remove_signer: 'primary',
  block_entered: 'primary',
  branch_passed: 'primary',
  branch_rejected: 'danger',
  branch_withdrawn: 'warning',
}

/** Every action a request can offer, in the order its buttons appear. */
export const REQUEST_ACTIONS: Record<RequestAction, number> = {
  approve: 1,
  reject: 2,
  return: 3,
  transfer: 4,
  'add-signer': 5,
  recall: 6,
  resubmit: 7,
  withdraw: 8,
  urge: 9,
  cancel: 10,
  reassign: 11,
  'remove-signer': 12,
  comment: 13,
}
