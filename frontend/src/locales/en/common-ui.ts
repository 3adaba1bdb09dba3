import type zhUi from '../zh-CN/common-ui'

const ui: typeof zhUi = {
  search: 'Search',
  searchPlaceholder: 'Type a keyword',
  reset: 'Reset',
  retry: 'Retry',
  refresh: 'Refresh',
  actions: 'Actions',
  more: 'More',
  edit: 'Edit',
  create: 'New',
  save: 'Save',
  close: 'Close',
  copy: 'Copy',
  copyAll: 'Copy all',
  copied: 'Copied to the clipboard',
  copyFailed: 'Copy failed; select the text and copy it by hand',
  empty: 'Nothing here yet',
  loadFailed: 'Could not load: {message}',
  confirmTitle: 'Please confirm',
  saved: 'Saved',
  done: 'Done',
  all: 'All',
  yes: 'Yes',
  no: 'No',
  conflictReloaded: 'Someone else changed this record; it has been reloaded, please check and retry',
  timeline: { changed: '{label}: {before} → {after}', moved: 'Status: {from} → {to}', movedTo: 'Status: {to}' },
  status: { active: 'Active', disabled: 'Disabled', inactive: 'Inactive', locked: 'Locked' },
}

export default ui
