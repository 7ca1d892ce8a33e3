import { render } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Job } from '../../../contract/job'
import { fakePlayerBox } from '../../testing/player-box'
import { makeJob } from '../../testing/job-script'
import { FirstScreenContext, type FirstScreen } from './first-screen'
import { TakeThumbnail } from './take-thumbnail'

/** A finished 9:16 take; `still` as the BFF reports it, or none (archived before stills). */
function portraitTake(still: boolean): Job {
  const job = makeJob({ status: 'completed', progress: 100, size: '720x1280' })
  const base = `/api/jobs/${job.id}`
  return {
    ...job,
    media: {
      video: `${base}/video`,
      thumbnail: `${base}/thumbnail`,
      spritesheet: null,
      still: still ? { url: `${base}/still`, width: 270, thumbnailWidth: 720 } : null,
    },
  }
}

function picture(job: Job, place: FirstScreen = 'below') {
  const { container } = render(
    <FirstScreenContext value={place}>
      <TakeThumbnail job={job} />
    </FirstScreenContext>,
  )
  return () => container.querySelector('img')
}

describe('a tile’s picture', () => {
  // jsdom lays nothing out: the picture's box is what a phone draws a 9:16 take at (the 16:9
  // tile of a 412 px screen is 372 × 209 px; the picture in it 209 × 9/16 ≈ 117.6 px wide).
  let box: ReturnType<typeof fakePlayerBox>
  beforeEach(() => {
    box = fakePlayerBox(117.6, 209)
  })

  it('offers the still and the thumbnail with their widths, sized at the width it is drawn at', () => {
    const job = portraitTake(true)
    const img = picture(job)()
    expect(img?.getAttribute('srcset')).toBe(
      `/api/jobs/${job.id}/still 270w, /api/jobs/${job.id}/thumbnail 720w`,
    )
    expect(img?.getAttribute('sizes')).toBe('118px')
    expect(img?.getAttribute('src')).toBe(`/api/jobs/${job.id}/still`)
  })

  it('follows the tile when it is drawn at another width (a wider window, a turned phone)', () => {
    const img = picture(portraitTake(true))
    box.resize(240.2, 427)
    expect(img()?.getAttribute('sizes')).toBe('241px')
  })

  it('shows the thumbnail alone for a take archived before stills', () => {
    const job = portraitTake(false)
    const img = picture(job)()
    expect(img?.getAttribute('src')).toBe(`/api/jobs/${job.id}/thumbnail`)
    expect(img).not.toHaveAttribute('srcset')
    expect(img).not.toHaveAttribute('sizes')
  })

  it('keeps the first row first: fetched eagerly at high priority; rows below the fold lazily', () => {
    const first = picture(portraitTake(true), 'first-row')()
    expect(first).toHaveAttribute('fetchpriority', 'high')
    expect(first).toHaveAttribute('loading', 'eager')
    const below = picture(portraitTake(true), 'below')()
    expect(below).toHaveAttribute('fetchpriority', 'auto')
    expect(below).toHaveAttribute('loading', 'lazy')
  })

  it('asks for no picture before it knows the width it is drawn at', () => {
    box.resize(0, 0)
    expect(picture(portraitTake(true))()).toBeNull()
  })
})
