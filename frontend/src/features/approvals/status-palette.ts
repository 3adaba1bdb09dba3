import type { StatusPalette } from '@/components/status-palette'

/** A request's status (and a task's request status in the inbox). */
export const approvalPalette: StatusPalette = {
  labels: 'approvals.status',
  types: {
    running: 'primary',
    returned: 'warning',
    approved: 'success',
    rejected: 'danger',
    withdrawn: 'info',
    cancelled: 'info',
  },
  fallback: 'info',
}
