import type { MessageSchema } from './zh-CN'
import ui from './en/common-ui'
import departments from './en/departments'
import users from './en/users'
import roles from './en/roles'
import apiKeys from './en/api-keys'
import audit from './en/audit'
import calendar from './en/calendar'
import notifications from './en/notifications'
import notices from './en/notices'
import guides from './en/guides'
import approvals from './en/approvals'
import designer from './en/designer'
import totp from './en/totp'

const en: MessageSchema = {
  ui,
  departments,
  users,
  app: {
    name: 'Xiaoban',
    fullName: 'School general office',
    demo: 'Demo',
    demoHint: 'This is the demo school: the data is made up and the demo accounts share a published password. Do not enter real information.',
  },
  common: {
    submit: 'Submit',
    cancel: 'Cancel',
    confirm: 'OK',
    loading: 'Loading…',
    none: 'None',
    requestId: 'Request id: {id}',
    backHome: 'Back to home',
  },
  nav: {
    notices: 'Notices',
    guides: 'Guides',
    notifications: 'Notifications',
    approvals: 'Approvals',
    approvalTemplates: 'Approval templates',
    approvalRegister: 'Approvals register',
    home: 'Home',
    org: 'Organisation',
    departments: 'Departments',
    users: 'Users',
    roles: 'Roles',
    apiKeys: 'API keys',
    audit: 'Audit log',
    calendar: 'Work calendar',
    profile: 'My profile',
    logout: 'Sign out',
    openMenu: 'Open menu',
    mainMenu: 'Main menu',
    userMenu: 'User menu',
    language: 'Language',
  },
  auth: {
    loginTitle: 'Sign in',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    changePasswordTitle: 'Change password',
    mustChangeHint: 'You are using an initial or reset password. Change it to continue.',
    oldPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordRule: 'At least 8 characters with three of: lowercase, uppercase, digits, symbols; not containing the username',
    oldRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    confirmRequired: 'Enter the new password again',
    confirmMismatch: 'The two new passwords differ',
    changed: 'Password changed',
    logoutConfirm: 'Sign out now?',
    logoutTitle: 'Sign out',
    loggedOut: 'Signed out',
  },
  home: {
    welcome: 'Hello, {name}',
    departments: 'Departments',
    roles: 'Roles',
    primary: 'Primary',
    noDepartments: 'No department',
    noRoles: 'No role',
  },
  profile: {
    title: 'My profile',
    name: 'Name',
    username: 'Username',
    number: 'Staff number',
    departments: 'Departments',
    roles: 'Roles and scope',
    permissions: 'Permissions',
    permissionCount: '{n}',
    changePassword: 'Change password',
  },
  scope: {
    all: 'Whole school',
    department: 'Department: {name}',
    self: 'Own records only',
  },
  roles, apiKeys, audit, calendar, notifications, notices, guides, approvals, designer, totp,
  locale: { 'zh-CN': '中文', en: 'English' },
  errors: {
    invalid_credentials: 'Wrong username or password',
    account_locked: 'The account is temporarily locked',
    account_disabled: 'The account is disabled; contact the system administrator',
    rate_limited: 'Too many attempts; try again later',
    password_change_required: 'Change your initial password first',
    totp_enrolment_required: 'Set up two-step verification first',
    mfa_challenge_invalid: 'The sign-in has expired; enter your password again',
    invalid_second_factor: 'Wrong verification code or recovery code',
    unauthorized: 'Not signed in or the session has ended; sign in again',
    forbidden: 'You are not allowed to do this',
    validation_failed: 'The submitted data is invalid; correct the marked fields',
    version_conflict: 'The record was changed by someone else; reload and retry',
    not_found: 'Not found',
    internal: 'Internal server error; try again later',
    service_unavailable: 'Service unavailable; try again later',
    network: 'Cannot reach the server; check the network',
    unknown: 'The operation failed',
  },
}

export default en
