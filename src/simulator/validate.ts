import sharp from 'sharp'
import {
  MODEL_IDS,
  MODEL_TABLE,
  PROMPT_MAX_LENGTH,
  SECONDS,
  SIZES,
  sizeDimensions,
  type ModelId,
  type Size,
} from '../contract/capabilities'
import { SimError, simErrors } from './errors'
import { rejectUnknown, type RawBody } from './input'

export interface CreateRequest {
  prompt: string
  model: ModelId
  size: Size
  seconds: string
  /** The uploaded image, already checked to be exactly `size`. */
  reference: Buffer | null
}

const SECOND_VALUES = SECONDS.map(String)
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

function parseModel(value: unknown): ModelId {
  if (value === undefined) return 'sora-2'
  if (typeof value !== 'string') throw simErrors.invalidType('model', 'a string', value)
  const model = MODEL_IDS.find((m) => m === value)
  if (!model) throw simErrors.modelNotFound(value)
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

async function parseReference(body: RawBody, size: Size): Promise<Buffer | null> {
  if (body.fields.input_reference !== undefined) {
    throw new SimError(400, 'input_reference must be a file', {
      param: 'input_reference',
      code: 'invalid_type',
    })
  }
  const file = body.files.find((f) => f.field === 'input_reference')
  if (!file) return null
  const badFormat = () =>
    new SimError(
      400,
      "Invalid file format for 'input_reference'. Supported formats are: 'image/jpeg', 'image/png', and 'image/webp'.",
      { param: 'input_reference', code: 'invalid_image_format' },
    )
  const meta = await sharp(file.bytes)
    .metadata()
    .catch(() => {
      throw badFormat()
    })
  if (!meta.format || !IMAGE_FORMATS.includes(meta.format)) throw badFormat()
  const { width, height } = sizeDimensions(size)
  if (meta.width !== width || meta.height !== height) {
    throw new SimError(400, 'Inpaint image must match the requested width and height', {
      param: 'input_reference',
      code: 'invalid_value',
    })
  }
  return file.bytes
}

/** Checks a create request in the order and with the messages the provider uses. */
export async function parseCreate(body: RawBody): Promise<CreateRequest> {
  rejectUnknown(body, CREATE_FIELDS, ['input_reference'])
  const { fields } = body
  const prompt = parsePrompt(fields.prompt)
  const model = parseModel(fields.model)
  const seconds =
    fields.seconds === undefined ? '4' : parseEnum('seconds', fields.seconds, SECOND_VALUES)
  const size = fields.size === undefined ? '720x1280' : parseEnum('size', fields.size, SIZES)
  const spec = MODEL_TABLE[model]
  if (!spec.sizes.includes(size)) {
    throw new SimError(
      400,
      `Invalid value: '${size}'. Model '${model}' supports sizes ${spec.sizes.map((s) => `'${s}'`).join(', ')}.`,
      { param: 'size', code: 'invalid_value' },
    )
  }
  if (!spec.seconds.map(String).includes(seconds))
    throw simErrors.invalidValue('seconds', seconds, SECOND_VALUES)
  const reference = await parseReference(body, size)
  return { prompt, model, size, seconds, reference }
}

export function parseRemix(body: RawBody): string {
  rejectUnknown(body, ['prompt'], [])
  return parsePrompt(body.fields.prompt)
}
