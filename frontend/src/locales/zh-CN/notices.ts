export default {
  publicGuidesTitle: '办事指南',
  searchGuides: '搜索办事指南、操作手册',
  search: '搜索',
  noGuides: '暂无公开的办事指南',
  kindGuide: '办事指南',
  kindSop: '操作手册',
  versionN: '第 {n} 版',
  flowchart: '流程图',
}
