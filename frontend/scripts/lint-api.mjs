// Lints ../openapi/openapi.json with Redocly CLI against openapi-lint.yaml. Offline: no telemetry,
// no update check. Exits non-zero on any problem.
import { spawnSync } from 'node:child_process'

const run = spawnSync(
  process.execPath,
  ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--config=openapi-lint.yaml', '--format=stylish'],
  {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
)
if (run.status !== 0) {
  console.error('lint:api FAILED: fix the document at its source (crates/http), then regenerate it.')
}
process.exit(run.status ?? 1)
