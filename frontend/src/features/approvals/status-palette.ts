import type { StatusPalette } from '@/components/status-palette'
import { INSTANCE_STATUS_TONES } from './status-words'

/** A request's status (and a task's request status in the inbox); colours from the exhaustive map. */
export const approvalPalette: StatusPalette = {
  labels: 'approvals.status',
  types: INSTANCE_STATUS_TONES,
  fallback: 'info',
}
