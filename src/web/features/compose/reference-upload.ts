import { downscaleImage } from './downscale-image'
import { planDownscale, type Frame } from './downscale-plan'
import type { ReferenceImage } from './use-reference'

/** The file to upload for a reference: smaller when the plan says so and the browser can. */
export async function fileToUpload(image: ReferenceImage, frames: readonly Frame[]): Promise<File> {
  const { file, width, height } = image
  if (!width || !height) return file
  const plan = planDownscale({ width, height, bytes: file.size }, frames)
  return (plan && (await downscaleImage(file, plan))) ?? file
}
