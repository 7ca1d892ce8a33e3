import { describe, expect, it } from 'vitest'
import { contentDisposition, downloadName, reelDownloadName } from './download-name'

describe('download names', () => {
  it('builds a readable name from the prompt', () => {
    const job = { prompt: 'A lantern over a night market, rain!', id: 'job_abcdefghijkl', take: 'B' }
    expect(downloadName(job, 'mp4')).toBe('a-lantern-over-a-night-market-rain-take-B-ghijkl.mp4')
  })

  it('keeps long prompts short and never empty', () => {
    const name = downloadName({ prompt: 'word '.repeat(100), id: 'job_abcdefghijkl', take: 'A' }, 'mp4')
    expect(name.length).toBeLessThanOrEqual(72)
    expect(downloadName({ prompt: '!!!', id: 'job_abcdefghijkl', take: 'A' }, 'png')).toBe('take-take-A-ghijkl.png')
  })

  it('encodes non-ASCII names per RFC 5987 with an ASCII fallback', () => {
    const header = contentDisposition(
      downloadName({ prompt: 'Café à l’aube 東京', id: 'job_abcdefghijkl', take: 'A' }, 'mp4'),
    )
    expect(header).toBe(
      `attachment; filename="cafe-a-l-aube-take-A-ghijkl.mp4"; ` +
        `filename*=UTF-8''caf%C3%A9-%C3%A0-l-aube-%E6%9D%B1%E4%BA%AC-take-A-ghijkl.mp4`,
    )
  })

  it('never lets a quote or backslash break the header', () => {
    expect(contentDisposition('a"b\\c.mp4')).toContain('filename="abc.mp4"')
  })
})

describe('reel download names', () => {
  it('names the film after the reel', () => {
    expect(reelDownloadName({ name: 'Opening: the harbour at dawn', id: 'reel_abcdefghijkl' })).toBe(
      'opening-the-harbour-at-dawn-reel-ghijkl.mp4',
    )
    expect(reelDownloadName({ name: '???', id: 'reel_abcdefghijkl' })).toBe('reel-reel-ghijkl.mp4')
  })
})
