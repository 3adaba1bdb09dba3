// Small steps the browser scenarios share.
export function check(cond, message) {
  if (!cond) throw new Error(message)
}

export async function signIn(page, base, username, password) {
  await page.goto(`${base}/login`)
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(password)
  await page.locator('[data-test="login-submit"]').click()
}

export async function changePassword(page, oldPassword, newPassword) {
  await page.waitForURL(/\/change-password/, { timeout: 15_000 })
  await page.locator('[data-test="forced-hint"]').waitFor()
  await page.locator('#cp-old').fill(oldPassword)
  await page.locator('#cp-new').fill(newPassword)
  await page.locator('#cp-confirm').fill(newPassword)
  await page.locator('[data-test="cp-submit"]').click()
  await page.waitForURL((url) => url.pathname === '/', { timeout: 15_000 })
}

export async function noHorizontalOverflow(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }))
  check(scroll <= inner, `${where}: page overflows horizontally (${scroll} > ${inner})`)
}
