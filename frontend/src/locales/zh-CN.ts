import ui from './zh-CN/common-ui'
import departments from './zh-CN/departments'
import users from './zh-CN/users'
import roles from './zh-CN/roles'
import apiKeys from './zh-CN/api-keys'
import audit from './zh-CN/audit'
import calendar from './zh-CN/calendar'
import notifications from './zh-CN/notifications'
import notices from './zh-CN/notices'
import guides from './zh-CN/guides'
import approvals from './zh-CN/approvals'
import designer from './zh-CN/designer'
import totp from './zh-CN/totp'

const zhCN = {
  ui,
  departments,
  users,
  app: {
    name: '校办',
    fullName: '学校综合办公系统',
    demo: '演示环境',
    demoHint: '这里是演示学校：数据均为虚构，演示账号共用一个公开的密码。请勿录入真实信息。',
  },
  common: {
    submit: '提交',
    cancel: '取消',
    confirm: '确定',
    loading: '加载中…',
    none: '无',
    requestId: '请求编号：{id}',
    backHome: '返回首页',
  },
  nav: {
    notices: '通知公告',
    guides: '办事指南',
    notifications: '通知',
    approvals: '审批中心',
    approvalTemplates: '审批模板',
    approvalRegister: '审批台账',
    home: '首页',
    org: '组织管理',
    departments: '部门',
    users: '用户',
    roles: '角色',
    apiKeys: 'API 密钥',
    audit: '审计日志',
    calendar: '工作日历',
    profile: '个人中心',
    logout: '退出登录',
    openMenu: '打开菜单',
    mainMenu: '主菜单',
    userMenu: '用户菜单',
    language: '语言',
  },
  auth: {
    loginTitle: '登录',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    signIn: '登录',
    signingIn: '登录中…',
    changePasswordTitle: '修改密码',
    mustChangeHint: '您正在使用初始密码或被重置的密码，请先修改密码再继续使用。',
    oldPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    passwordRule: '至少 8 位，包含小写字母、大写字母、数字、符号中的三种，且不能包含用户名',
    oldRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    confirmRequired: '请再次输入新密码',
    confirmMismatch: '两次输入的新密码不一致',
    changed: '密码已修改',
    logoutConfirm: '确定要退出登录吗？',
    logoutTitle: '退出登录',
    loggedOut: '已退出登录',
  },
  home: {
    welcome: '{name}，您好',
    departments: '所在部门',
    roles: '角色',
    primary: '主部门',
    noDepartments: '未分配部门',
    noRoles: '未分配角色',
  },
  profile: {
    title: '个人中心',
    name: '姓名',
    username: '用户名',
    number: '工号',
    departments: '部门',
    roles: '角色与范围',
    permissions: '权限数量',
    permissionCount: '{n} 项',
    changePassword: '修改密码',
  },
  scope: {
    all: '全校',
    department: '部门：{name}',
    self: '仅本人',
  },
  roles, apiKeys, audit, calendar, notifications, notices, guides, approvals, designer, totp,
  locale: { 'zh-CN': '中文', en: 'English' },
  errors: {
    invalid_credentials: '用户名或密码错误',
    account_locked: '账号已临时锁定',
    account_disabled: '账号已停用，请联系系统管理员',
    rate_limited: '尝试过于频繁，请稍后再试',
    password_change_required: '请先修改初始密码',
    totp_enrolment_required: '请先设置两步验证',
    mfa_challenge_invalid: '登录验证已过期，请重新输入密码',
    invalid_second_factor: '验证码或恢复码错误',
    unauthorized: '未登录或登录已失效，请重新登录',
    forbidden: '没有权限执行此操作',
    validation_failed: '提交的数据未通过校验，请修改标注的字段',
    version_conflict: '数据已被他人修改，请刷新后重试',
    not_found: '记录不存在',
    internal: '服务器内部错误，请稍后再试',
    service_unavailable: '服务暂不可用，请稍后再试',
    network: '无法连接服务器，请检查网络',
    unknown: '操作失败',
  },
}

export default zhCN
export type MessageSchema = typeof zhCN
