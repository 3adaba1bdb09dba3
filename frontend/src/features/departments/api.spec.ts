import { describe, expect, it } from 'vitest'
import { buildTree, type DepartmentOut } from './api'

function dept(id: string, parentId: string | null, active = true): DepartmentOut {
  return { id, parentId, active, code: id, name: id, memberCount: 0, sortOrder: 0, version: 1 }
}

describe('buildTree', () => {
  const list = [dept('a', null), dept('b', 'a', false), dept('c', 'b'), dept('d', 'a')]

  it('nests the parents-first list', () => {
    const tree = buildTree(list)
    expect(tree.map((n) => n.id)).toEqual(['a'])
    expect(tree[0]?.children?.map((n) => n.id)).toEqual(['b', 'd'])
    expect(tree[0]?.children?.[0]?.children?.map((n) => n.id)).toEqual(['c'])
  })

  it('drops inactive departments and their subtrees when asked', () => {
    const tree = buildTree(list, true)
    expect(tree[0]?.children?.map((n) => n.id)).toEqual(['d'])
  })
})
