import { test as base } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * The studio's `test`: fails any test whose page threw or logged a console error, since a
 * page can look right while something under it is broken.
 */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
      })
      await use()
      base.expect(problems, 'errors in the page').toEqual([])
    },
    { auto: true },
  ],
})
