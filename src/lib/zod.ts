import { z } from 'zod/mini'

/**
 * zod for Node code (server, simulator, scripts): the same `zod/mini` flavour as the contract,
 * with zod's English messages. zod/mini loads no locale (so the browser's build stays small and
 * its checks carry their own words); the server's 400 replies and configuration errors keep
 * zod's wording ("Too big: expected string to have <=100 characters"). The setting is global,
 * so every contract schema parsed in this process answers in English once this is imported.
 */
z.config(z.locales.en())

export { z }
