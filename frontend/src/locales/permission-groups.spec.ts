import { describe, expect, it } from 'vitest'
import { repoFile } from '@/test/repo-file'
import zhCN from './zh-CN'
import en from './en'

// The server's permissions, as each module declares them in the domain crate:
// `PermissionDef::new(CODE, "group", …)` (the group is the module's code).
const MODULE_FILES = [
  'identity/module.rs', 'security.rs', 'departments.rs', 'notifications.rs', 'access/roles_module.rs',
  'approvals/module.rs', 'audit.rs', 'settings.rs', 'api_keys.rs', 'calendar/module.rs',
]
const sources = await Promise.all(MODULE_FILES.map((f) => repoFile(`crates/domain/src/${f}`)))
const groups = [...new Set(sources.flatMap((src) => [...src.matchAll(/PermissionDef::new\(\s*\w+,\s*"([a-z_]+)"/g)].map((m) => m[1]!)))]

describe('permission group labels', () => {
  it('name every group of the catalogue in both languages', () => {
    expect(groups).toContain('approval')
    for (const group of groups) {
      expect(zhCN.roles.groups, group).toHaveProperty(group)
      expect(en.roles.groups, group).toHaveProperty(group)
    }
  })
})
