import type { SignInConfig } from '../config'
import type { Kysely } from 'kysely'
import type { StudioTables } from '../store/tables'
import { SessionStore } from './session-store'
import { SignInLimiter } from './sign-in-limits'
import { SignInLog } from './sign-in-log'

/** Everything a studio started with DAILIES_TOKEN needs to let people in, and keep others out. */
export interface SignIn {
  token: string
  sessionDays: number
  sessions: SessionStore
  limiter: SignInLimiter
  log: SignInLog
}

export function createSignIn(options: {
  db: Kysely<StudioTables>
  token: string
  settings: SignInConfig
  now: () => Date
}): SignIn {
  const { db, token, settings, now } = options
  const millis = () => now().getTime()
  return {
    token,
    sessionDays: settings.sessionDays,
    sessions: new SessionStore(db, token, settings.sessionDays * 86_400_000, millis),
    limiter: new SignInLimiter(settings, millis),
    log: new SignInLog(db, now),
  }
}
