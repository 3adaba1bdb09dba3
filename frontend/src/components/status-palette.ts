export type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

/** How one kind of record shows its statuses: a colour per status and where the labels live. */
export interface StatusPalette {
  /** i18n prefix: the label of `s` is `${labels}.${s}` (the raw status when the key is missing). */
  labels: string
  types: Readonly<Record<string, TagType>>
  /** The colour of a status the palette does not name. */
  fallback: TagType
}

/** Accounts and departments: active, disabled, inactive, locked. */
export const accountPalette: StatusPalette = {
  labels: 'ui.status',
  types: { active: 'success', disabled: 'info', inactive: 'info', locked: 'danger' },
  fallback: 'primary',
}

/** Notices and guides: a draft, published, withdrawn. */
export const noticePalette: StatusPalette = {
  labels: 'notices.status',
  types: { draft: 'info', published: 'success', withdrawn: 'warning' },
  fallback: 'primary',
}

export const guidePalette: StatusPalette = {
  labels: 'guides.status',
  types: { draft: 'info', published: 'success', withdrawn: 'warning' },
  fallback: 'primary',
}
