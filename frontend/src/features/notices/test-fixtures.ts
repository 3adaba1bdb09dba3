import type { NoticeOut, ReceiptOut } from './api'
import type { GuideOut, GuideVersionOut } from './guides-api'

export const NOTICE_ID = '0193a5b2-0000-7000-8000-0000000000e1'
export const GUIDE_ID = '0193a5b2-0000-7000-8000-0000000000c1'
export const IT_DEPT = '0193a5b2-0000-7000-8000-0000000000d7'
export const ME_DEPT = '0193a5b2-0000-7000-8000-0000000000d8'

export function notice(overrides: Partial<NoticeOut> = {}): NoticeOut {
  return {
    id: NOTICE_ID,
    title: '第三周教学常规检查安排',
    body: '本周四、周五由教务处组织教学常规检查。\n请各系于周四上午前将检查材料送至教务处。',
    status: 'published',
    audience: { kind: 'departments', departmentIds: [IT_DEPT, ME_DEPT] },
    pinned: false,
    isPublic: false,
    authorId: '0193a5b2-0000-7000-8000-0000000000a9',
    authorName: '王主任',
    publishedAt: '2026-12-01T02:00:00Z',
    readAt: null,
    createdAt: '2026-12-01T01:00:00Z',
    updatedAt: '2026-12-01T02:00:00Z',
    version: 2,
    actions: ['read'],
    attachments: [],
    ...overrides,
  }
}

export function receipt(overrides: Partial<ReceiptOut> = {}): ReceiptOut {
  return { userId: '0193a5b2-0000-7000-8000-0000000000b1', name: '何老师', number: 'T001', department: '信息工程系', readAt: null, ...overrides }
}

export function guide(overrides: Partial<GuideOut> = {}): GuideOut {
  return {
    id: GUIDE_ID,
    kind: 'guide',
    category: '人事服务',
    title: '新教职工入职办事指南',
    body: '一、携带身份证\n二、在线填写入职登记表',
    status: 'published',
    isPublic: true,
    ownerId: '0193a5b2-0000-7000-8000-0000000000a9',
    publishedVersion: 2,
    publishedAt: '2026-11-01T02:00:00Z',
    createdAt: '2026-10-01T02:00:00Z',
    updatedAt: '2026-11-01T02:00:00Z',
    version: 3,
    actions: [],
    flowchart: null,
    ...overrides,
  }
}

export function version(number: number, body: string): GuideVersionOut {
  return { number, category: '人事服务', title: '新教职工入职办事指南', body, publishedAt: `2026-1${number - 1}-01T02:00:00Z`, publishedBy: '0193a5b2-0000-7000-8000-0000000000a9' }
}
