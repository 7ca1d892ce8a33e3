import sharp from 'sharp'
import { PROMPT_MAX_LENGTH } from '../contract/capabilities'
import { SimError, simErrors } from './errors'
import { rejectUnknown, type RawBody } from './input'
import type { SimModel } from './models'

export interface CreateRequest {
  prompt: string
  model: SimModel
  size: string
  seconds: string
  /** The uploaded images in order (first frame, last frame), checked to suit the model. */
  references: Buffer[]
}

const CREATE_FIELDS = ['prompt', 'model', 'seconds', 'size', 'input_reference']
const IMAGE_FORMATS = ['jpeg', 'png', 'webp']

export function parsePrompt(value: unknown): string {
  if (value === undefined) throw simErrors.missing('prompt')
  if (typeof value !== 'string') throw simErrors.invalidType('prompt', 'a string', value)
  if (value.length === 0) {
    throw new SimError(
      400,
      "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.",
      { param: 'prompt', code: 'empty_string' },
    )
  }
  if (value.length > PROMPT_MAX_LENGTH) {
    throw new SimError(
      400,
      `Invalid 'prompt': string too long. Expected a string with maximum length ${PROMPT_MAX_LENGTH}, but got a string with length ${value.length} instead.`,
      { param: 'prompt', code: 'string_above_max_length' },
    )
  }
  return value
}

function parseModel(value: unknown, models: ReadonlyMap<string, SimModel>): SimModel {
  const id = value === undefined ? 'sora-2' : value
  if (typeof id !== 'string') throw simErrors.invalidType('model', 'a string', id)
  const model = models.get(id)
  if (!model) throw simErrors.modelNotFound(id)
  return model
}

function parseEnum<T extends string>(param: string, value: unknown, allowed: readonly T[]): T {
  const list = allowed.map((v) => `'${v}'`).join(', ')
  if (typeof value !== 'string') {
    throw simErrors.invalidType(param, `one of ${list}`, value)
  }
  const found = allowed.find((v) => v === value)
  if (!found) throw simErrors.invalidValue(param, value, allowed)
  return found
}

async function parseReferences(
  body: RawBody,
  model: SimModel,
  pixels: { width: number; height: number },
): Promise<Buffer[]> {
  if (body.fields.input_reference !== undefined) {
    throw new SimError(400, 'input_reference must be a file', {
      param: 'input_reference',
      code: 'invalid_type',
    })
  }
  const files = body.files.filter((f) => f.field === 'input_reference')
  if (files.length > model.references) {
    throw new SimError(
      400,
      `Model '${model.id}' takes at most ${model.references} input_reference file(s), got ${files.length}.`,
      { param: 'input_reference', code: 'invalid_value' },
    )
  }
  const badFormat = () =>
    new SimError(
      400,
      "Invalid file format for 'input_reference'. Supported formats are: 'image/jpeg', 'image/png', and 'image/webp'.",
      { param: 'input_reference', code: 'invalid_image_format' },
    )
  for (const file of files) {
    const meta = await sharp(file.bytes)
      .metadata()
      .catch(() => {
        throw badFormat()
      })
    if (!meta.format || !IMAGE_FORMATS.includes(meta.format)) throw badFormat()
    // Sora demands the exact size; the gateway's Veo wrapper fits whatever it gets.
    if (!model.gateway && (meta.width !== pixels.width || meta.height !== pixels.height)) {
      throw new SimError(400, 'Inpaint image must match the requested width and height', {
        param: 'input_reference',
        code: 'invalid_value',
      })
    }
  }
  return files.map((f) => f.bytes)
}

/** Checks a create request in the order and with the messages the provider uses. */
export async function parseCreate(
  body: RawBody,
  models: ReadonlyMap<string, SimModel>,
): Promise<CreateRequest> {
  rejectUnknown(body, CREATE_FIELDS, ['input_reference'])
  const { fields } = body
  const prompt = parsePrompt(fields.prompt)
  const model = parseModel(fields.model, models)
  const all = [...models.values()]
  const allSeconds = [...new Set(all.flatMap((m) => m.seconds))]
  const allSizes = [...new Set(all.flatMap((m) => m.sizes.map((s) => s.size)))]
  let seconds: string
  if (model.fixedSeconds !== null) {
    const fixed = String(model.fixedSeconds)
    if (fields.seconds !== undefined && fields.seconds !== fixed) {
      throw simErrors.invalidValue('seconds', typeof fields.seconds === 'string' ? fields.seconds : JSON.stringify(fields.seconds), [fixed])
    }
    seconds = fixed
  } else {
    seconds = fields.seconds === undefined ? '4' : parseEnum('seconds', fields.seconds, allSeconds)
  }
  const defaultSize = model.sizes.find((s) => s.size === '720x1280')?.size ?? model.sizes[0]?.size ?? ''
  const size = fields.size === undefined ? defaultSize : parseEnum('size', fields.size, allSizes)
  const spec = model.sizes.find((s) => s.size === size)
  if (!spec) {
    throw new SimError(
      400,
      `Invalid value: '${size}'. Model '${model.id}' supports sizes ${model.sizes.map((s) => `'${s.size}'`).join(', ')}.`,
      { param: 'size', code: 'invalid_value' },
    )
  }
  if (model.fixedSeconds === null && !model.seconds.includes(seconds)) {
    throw simErrors.invalidValue('seconds', seconds, allSeconds)
  }
  const references = await parseReferences(body, model, spec)
  return { prompt, model, size, seconds, references }
}

export function parseRemix(body: RawBody): string {
  rejectUnknown(body, ['prompt'], [])
  return parsePrompt(body.fields.prompt)
}
