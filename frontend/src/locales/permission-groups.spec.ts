import { describe, expect, it } from 'vitest'
import { repoFile } from '@/test/repo-file'
import zhCN from './zh-CN'
import en from './en'

// The server's permission catalogue, as written in the domain crate: `def(CODE, "group", …)`.
const catalogue = await repoFile('crates/domain/src/access/permissions.rs')
const groups = [...new Set([...catalogue.matchAll(/def\(\w+, "([a-z_]+)"/g)].map((m) => m[1]!))]

describe('permission group labels', () => {
  it('name every group of the catalogue in both languages', () => {
    expect(groups).toContain('approval')
    for (const group of groups) {
      expect(zhCN.roles.groups, group).toHaveProperty(group)
      expect(en.roles.groups, group).toHaveProperty(group)
    }
  })
})
