import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { fitReference, sniffImageType } from './reference-image'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-ref-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function imageFile(name: string, width: number, height: number, format: 'png' | 'jpeg' | 'webp') {
  const file = path.join(dir, name)
  await sharp({ create: { width, height, channels: 3, background: '#ff0000' } })
    .toFormat(format)
    .toFile(file)
  return file
}

describe('reference images', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('recognises %s by its bytes', async (format) => {
    const file = await imageFile(`a.${format}`, 10, 10, format)
    expect(sniffImageType(fs.readFileSync(file))).toBe(format)
  })

  it('fits with cover to exactly the size, cropping', async () => {
    const file = await imageFile('wide.jpg', 400, 100, 'jpeg')
    const fitted = await fitReference(file, { width: 720, height: 1280 }, 'cover')
    const meta = await sharp(fitted.png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 720, 1280])
    const { data } = await sharp(fitted.png).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(200) // red all the way to the edge: cropped, not letterboxed
  })

  it('fits with contain to exactly the size, letterboxing on black', async () => {
    const file = await imageFile('wide.png', 400, 100, 'png')
    const fitted = await fitReference(file, { width: 720, height: 1280 }, 'contain')
    const { data, info } = await sharp(fitted.png).raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([720, 1280])
    expect([data[0], data[1], data[2]]).toEqual([0, 0, 0])
    expect(fitted.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses an SVG or any other file by its bytes, with 415', async () => {
    const svg = path.join(dir, 'x.png')
    fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    await expect(fitReference(svg, { width: 1280, height: 720 }, 'cover')).rejects.toMatchObject({ status: 415, field: 'input_reference' })
  })

  it('refuses a truncated image with 415', async () => {
    const file = await imageFile('t.png', 100, 100, 'png')
    const cut = path.join(dir, 'cut.png')
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 40))
    await expect(fitReference(cut, { width: 1280, height: 720 }, 'cover')).rejects.toMatchObject({ status: 415 })
  })

  it('refuses a decompression bomb by its pixel count, with 413', async () => {
    // 10000 x 10000 of one colour: a few KB of PNG, 100 megapixels once decoded.
    const bomb = path.join(dir, 'bomb.png')
    await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#000' }, limitInputPixels: false })
      .png({ compressionLevel: 9 })
      .toFile(bomb)
    expect(fs.statSync(bomb).size).toBeLessThan(1_000_000)
    await expect(fitReference(bomb, { width: 1280, height: 720 }, 'cover')).rejects.toMatchObject({ status: 413 })
  })
})
