import type zh from '../zh-CN/departments'

const departments: typeof zh = {
  title: 'Departments',
  showInactive: 'Show inactive',
  name: 'Name',
  code: 'Code',
  parent: 'Parent department',
  topLevel: '(top level)',
  head: 'Head',
  headPlaceholder: 'Search by name, username or number',
  sortOrder: 'Sort order',
  members: 'Direct members',
  status: 'Status',
  create: 'New department',
  createChild: 'New sub-department',
  edit: 'Edit department',
  move: 'Move',
  moveTitle: 'Move department: {name}',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  deactivateConfirm: 'Deactivate "{name}"? It will take no new members.',
  reactivateConfirm: 'Reactivate "{name}"?',
  deactivated: 'Department deactivated',
  reactivated: 'Department reactivated',
  created: 'Department created',
  moved: 'Department moved',
  codeRequired: 'Enter a code',
  nameRequired: 'Enter a name',
  codeHint: '2–32 letters, digits, _ or -',
}

export default departments
