import { describe, expect, it } from 'vitest'
import { contentDisposition, downloadName } from './download-name'

describe('download names', () => {
  it('builds a readable name from the prompt', () => {
    expect(downloadName('A lantern over a night market, rain!', 'job_abcdefghijkl', 'mp4')).toBe(
      'a-lantern-over-a-night-market-rain-ghijkl.mp4',
    )
  })

  it('keeps long prompts short and never empty', () => {
    const name = downloadName('word '.repeat(100), 'job_abcdefghijkl', 'mp4')
    expect(name.length).toBeLessThanOrEqual(72)
    expect(downloadName('!!!', 'job_abcdefghijkl', 'png')).toBe('take-ghijkl.png')
  })

  it('encodes non-ASCII names per RFC 5987 with an ASCII fallback', () => {
    const header = contentDisposition(downloadName('Café à l’aube 東京', 'job_abcdefghijkl', 'mp4'))
    expect(header).toBe(
      `attachment; filename="cafe-a-l-aube-ghijkl.mp4"; ` +
        `filename*=UTF-8''caf%C3%A9-%C3%A0-l-aube-%E6%9D%B1%E4%BA%AC-ghijkl.mp4`,
    )
  })

  it('never lets a quote or backslash break the header', () => {
    expect(contentDisposition('a"b\\c.mp4')).toContain('filename="abc.mp4"')
  })
})
