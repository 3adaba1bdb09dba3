export { formatTime } from '@/features/approvals/format'
