// End-to-end tests: the real server binary, the built SPA, and Debian's chromium via playwright-core.
// Usage: node e2e/run.mjs   (XIAOBAN_BIN overrides $CARGO_TARGET_DIR or ../target, then debug/xiaoban;
// E2E_TYPECHECKED=1 says vue-tsc already passed, so a stale dist is rebuilt with `vite build` alone)
// The last line printed is always `e2e: N passed, M failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { apiAs, startServer } from './server.mjs'
import { scenarios } from './scenarios.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const frontend = resolve(here, '..')
const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
}

let passed = 0
let failed = 0

function finish() {
  // E2E_REPORT names a JSON file for scripts/test-summary.mjs to add to the frontend's totals.
  if (process.env.E2E_REPORT) writeFileSync(process.env.E2E_REPORT, JSON.stringify({ passed, failed }))
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

if (!existsSync(CHROMIUM)) {
  console.error(`e2e: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium fonts-wqy-microhei`)
  failed = 1
  finish()
}
// A shared CARGO_TARGET_DIR (several worktrees, one build cache) holds the binary elsewhere.
const bin = process.env.XIAOBAN_BIN ?? resolve(process.env.CARGO_TARGET_DIR ?? resolve(frontend, '../target'), 'debug/xiaoban')
if (!existsSync(bin)) {
  console.error(`e2e: server binary ${bin} is missing: cargo build -p xiaoban-server --bin xiaoban (or set XIAOBAN_BIN)`)
  failed = 1
  finish()
}
/** The newest modification time under `dir`, in ms. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

const builtAt = existsSync(join(frontend, 'dist/index.html')) ? statSync(join(frontend, 'dist/index.html')).mtimeMs : 0
if (builtAt < newest(join(frontend, 'src'))) {
  const typechecked = process.env.E2E_TYPECHECKED === '1'
  console.log(`e2e: dist is missing or older than src, running ${typechecked ? 'vite build' : 'npm run build'}`)
  const build = typechecked
    ? spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { cwd: frontend, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: frontend, stdio: 'inherit' })
  if (build.status !== 0) {
    failed = 1
    finish()
  }
}

const shots = join(here, 'screenshots')
rmSync(shots, { recursive: true, force: true })
async function shoot(page, name) {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }).catch(() => undefined)
}

let server = null
let browser = null
try {
  server = await startServer({ bin, frontendDir: join(frontend, 'dist') })
  console.log(`e2e: server at ${server.base}`)
  const state = {
    adminInitial: server.adminPassword,
    adminPassword: 'Xb#2026-Kq9w-Zx',
    staff: {},
  }
  // The desktop staff user is made through the UI; the phone one through the API, in the same department.
  const seed = async (departmentCode) => {
    const call = await apiAs(server.base, 'admin', state.adminPassword)
    const dept = (await call('GET', '/api/v1/departments')).find((d) => d.code === departmentCode)
    if (!dept) throw new Error(`no department ${departmentCode}`)
    const username = 'e2e.phone'
    const created = await call('POST', '/api/v1/users', {
      username,
      name: '手机测试员',
      departmentIds: [dept.id],
      primaryDepartmentId: dept.id,
      roles: [{ roleCode: 'staff', scope: { kind: 'self' } }],
    })
    state.staff.phone = { username, initial: created.initialPassword }
  }
  // Playwright gives each launch a fresh, temporary user-data dir.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
  for (const scenario of scenarios) {
    const started = Date.now()
    const options = scenario.viewport ? VIEWPORTS[scenario.viewport] : null
    // Each browser scenario gets its own context (own cookies) at its viewport.
    const context = options ? await browser.newContext({ locale: 'zh-CN', ...options }) : null
    const page = context ? await context.newPage() : null
    try {
      await scenario.run({ page, base: server.base, state, seed })
      passed += 1
      // E2E_SHOTS=1 also keeps the last screen of passing scenarios, for looking at.
      if (page && process.env.E2E_SHOTS) await shoot(page, scenario.name)
      console.log(`  ✓ ${scenario.name} (${Date.now() - started} ms)`)
    } catch (error) {
      failed += 1
      console.log(`  ✗ ${scenario.name}: ${error?.message ?? error}`)
      if (page) await shoot(page, scenario.name)
    } finally {
      await context?.close().catch(() => undefined)
    }
  }
} catch (error) {
  failed += 1
  console.log(`e2e: ${error?.stack ?? error}`)
} finally {
  await browser?.close().catch(() => undefined)
  await server?.stop().catch(() => undefined)
}
finish()
