import { z } from '../lib/zod'

/** The stand-alone simulator's settings (`npm run simulator`); main.ts parses process.env with it. */
export const simulatorEnvSchema = z.object({
  SIM_PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 4410),
  SIM_HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  SIM_DATA_DIR: z._default(z.string().check(z.minLength(1)), './data/simulator'),
  DAILIES_SIM_TIME_SCALE: z._default(z.coerce.number().check(z.gte(0), z.lte(100)), 1),
  DAILIES_SIM_KEY: z.optional(z.string().check(z.minLength(1))),
  FFMPEG_PATH: z.optional(z.string().check(z.minLength(1))),
})
