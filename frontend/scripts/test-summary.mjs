// Runs vitest once (default reporter for humans, JSON for the summary), then the browser
// end-to-end tests (e2e/run.mjs), and prints one line `frontend: N passed, M failed` for both.
// `npm test` runs vue-tsc just before this script, so the e2e build skips its own type check.
// Exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const out = '.vitest-report.json'
rmSync(out, { force: true })
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'))
  passed = report.numPassedTests ?? 0
  failed = report.numFailedTests ?? 0
  // A suite that fails to load has no tests; count it so it cannot pass silently.
  if (report.numFailedTestSuites > 0 && failed === 0) failed = report.numFailedTestSuites
  rmSync(out, { force: true })
} else {
  failed = 1
}
const e2eOut = '.e2e-report.json'
rmSync(e2eOut, { force: true })
const e2e = spawnSync(process.execPath, ['e2e/run.mjs'], { stdio: 'inherit', env: { ...process.env, E2E_REPORT: e2eOut, E2E_TYPECHECKED: '1' } })
if (existsSync(e2eOut)) {
  const report = JSON.parse(readFileSync(e2eOut, 'utf8'))
  passed += report.passed
  failed += report.failed
  rmSync(e2eOut, { force: true })
}
if (e2e.status !== 0 && !failed) failed = 1
console.log(`frontend: ${passed} passed, ${failed} failed`)
process.exit(run.status !== 0 || e2e.status !== 0 || failed > 0 ? 1 : 0)
