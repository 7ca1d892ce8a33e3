import { z } from 'zod'

/** The stand-alone simulator's settings (`npm run simulator`); main.ts parses process.env with it. */
export const simulatorEnvSchema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4410),
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_DATA_DIR: z.string().min(1).default('./data/simulator'),
  DAILIES_SIM_TIME_SCALE: z.coerce.number().min(0).max(100).default(1),
  DAILIES_SIM_KEY: z.string().min(1).optional(),
  FFMPEG_PATH: z.string().min(1).optional(),
})
