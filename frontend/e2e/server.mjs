// Starts the real Xiaoban server on a fresh SQLite data dir and a free port.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.on('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
  })
}

export async function startServer({ bin, frontendDir }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-e2e-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const child = spawn(resolve(bin), ['serve'], {
    env: {
      ...process.env,
      XIAOBAN_BIND: `127.0.0.1:${port}`,
      XIAOBAN_DATA_DIR: dataDir,
      XIAOBAN_DATABASE_URL: `sqlite://${dataDir}/xiaoban.db?mode=rwc`,
      XIAOBAN_FRONTEND_DIR: resolve(frontendDir),
      XIAOBAN_LOG_LEVEL: 'warn',
      // The demo school (people, departments, approval templates) for the approvals scenario.
      XIAOBAN_DEMO: 'true',
      // The suite signs in (and changes passwords) about 35 times a minute from one address, more
      // than the default 30; the limit itself is tested by the API tests (sign_in_limits.rs).
      XIAOBAN_SIGN_IN_PER_ADDRESS: '300',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let password = null
  const gotPassword = new Promise((ok) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      const m = /initial password:\s*(\S+)/.exec(output)
      if (m && !password) {
        password = m[1]
        ok(password)
      }
    })
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise((ok) => child.on('exit', (code) => ok(code)))
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`server not ready within 60s:\n${output}`)
    }
    try {
      const res = await fetch(`${base}/api/v1/ready`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const adminPassword = await Promise.race([gotPassword, new Promise((r) => setTimeout(() => r(null), 5000))])
  if (!adminPassword) {
    await stop()
    throw new Error(`no "initial password:" line on the server's stdout:\n${output}`)
  }
  return { base, adminPassword, stop, output: () => output }
}

const tokens = new Map()

/** A small REST client for test data, signed in as `username` (once per password). */
export async function apiAs(base, username, password) {
  const key = `${base} ${username} ${password}`
  if (!tokens.has(key)) tokens.set(key, await signInForToken(base, username, password))
  const accessToken = tokens.get(key)
  return async (method, path, body) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
}

async function signInForToken(base, username, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const { accessToken } = await res.json()
  return accessToken
}
