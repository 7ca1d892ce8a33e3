import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** Component tests talk to this instead of the BFF; `server.use(...)` overrides a handler for one test. */
export const server = setupServer(...handlers)
