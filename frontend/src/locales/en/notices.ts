export default {
  publicGuidesTitle: 'Service guides',
  searchGuides: 'Search guides and manuals',
  search: 'Search',
  noGuides: 'No public guides yet',
  kindGuide: 'Guide',
  kindSop: 'Manual',
  versionN: 'Version {n}',
  flowchart: 'Flowchart',
}
