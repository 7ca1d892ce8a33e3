import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { killHard, spawnStudio } from '../src/server/testing/studio-process'
import { STRONG_TOKEN } from '../src/server/testing/sign-in-client'
import { expect, test } from './fixtures'

// A studio of its own, started with a token: the shared e2e studio asks for none.
let studio: { child: ChildProcess; url: string }
let dataDir: string

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-e2e-signin-'))
  studio = await spawnStudio({ DAILIES_TOKEN: STRONG_TOKEN, DAILIES_DATA_DIR: dataDir, DAILIES_SIM_TIME_SCALE: '0' })
})

test.afterAll(async () => {
  await killHard(studio.child)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('sign in, see the sign-ins, sign out; an old cookie opens nothing', async ({ page, context }) => {
  await page.goto(`${studio.url}/`)
  await expect(page).toHaveURL(/\/signin$/)
  await page.getByLabel('Your name').fill('Ana')
  await page.getByLabel('Studio token').fill('not-the-token-at-all-but-long')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('That token is not the one this studio was started with.')
  // The name is remembered: only the token is asked again.
  await expect(page.getByLabel('Your name')).toHaveValue('Ana')
  await expect(page.getByLabel('Studio token')).toBeFocused()
  await page.screenshot({ path: test.info().outputPath('signin-1440x900.png') })
  await page.getByLabel('Studio token').fill(STRONG_TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dailies' })).toBeVisible()

  await page.getByRole('button', { name: 'Account' }).click()
  const signIns = page.getByRole('list', { name: 'Recent sign-ins' }).getByRole('listitem')
  await expect(signIns).toHaveCount(2)
  await expect(signIns.nth(0)).toContainText('Signed in')
  await expect(signIns.nth(0)).toContainText('Chrome')
  await expect(signIns.nth(1)).toContainText('Wrong token')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('list', { name: 'Recent sign-ins' })).toBeHidden()

  const session = (await context.cookies()).find((cookie) => cookie.name === 'dailies_session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' })

  // Who made it: the take this session starts carries the name, on its tile and in the viewer.
  const made = await page.request.post(`${studio.url}/api/jobs`, {
    multipart: { prompt: 'A heron lands on a post, signed', model: 'sora-2', size: '1280x720', seconds: '4' },
    headers: { origin: studio.url },
  })
  expect(made.status()).toBe(201)
  await page.reload()
  const tile = page.getByRole('button', { name: 'A heron lands on a post, signed', exact: true })
  await expect(tile).toContainText('Ana', { timeout: 60_000 })
  await expect(page.getByRole('combobox', { name: 'Filter by author' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('author-tile-1440x900.png') })
  await tile.click()
  await expect(page.getByRole('dialog').getByText('Made by')).toBeVisible()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: test.info().outputPath('author-viewer-390x844.png') })
  await page.keyboard.press('Escape')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByRole('button', { name: 'Account' }).click()
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('You are signed out.')
  // Only the remembered name stays (it opens nothing): the session cookie is gone.
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['dailies_name'])

  const stale = await fetch(`${studio.url}/api/jobs`, { headers: { cookie: `dailies_session=${session?.value}` } })
  expect(stale.status).toBe(401)
})

test('sign out everywhere ends the other browser’s session too', async ({ browser }) => {
  const signedIn = async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${studio.url}/signin`)
    await page.getByLabel('Your name').fill('Ben')
    await page.getByLabel('Studio token').fill(STRONG_TOKEN)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('button', { name: 'Account' })).toBeVisible()
    return { context, page }
  }
  const laptop = await signedIn()
  const phone = await signedIn()

  await phone.page.getByRole('button', { name: 'Account' }).click()
  await phone.page.getByRole('button', { name: 'Sign out everywhere…' }).click()
  await phone.page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click()
  await expect(phone.page.getByRole('status')).toHaveText('Every session is signed out, this one too.')

  await laptop.page.reload()
  await expect(laptop.page).toHaveURL(/\/signin$/)
  await laptop.context.close()
  await phone.context.close()
})
