import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../contract/job'
import { makeJob } from '../../testing/job-script'
import { FirstScreenContext, type FirstScreen } from './first-screen'
import { TakeThumbnail } from './take-thumbnail'
import { TileWidthContext } from './tile-width'

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

/** The tile's picture drawn in a grid whose tiles' picture areas are `areaWidth` px wide. */
function picture(
  job: Job,
  { place = 'below', areaWidth = 0 }: { place?: FirstScreen; areaWidth?: number } = {},
) {
  const tree = (width: number) => (
    <TileWidthContext value={width}>
      <FirstScreenContext value={place}>
        <TakeThumbnail job={job} />
      </FirstScreenContext>
    </TileWidthContext>
  )
  const { container, rerender } = render(tree(areaWidth))
  return {
    img: () => container.querySelector('img'),
    redraw: (width: number) => rerender(tree(width)),
  }
}

describe('a tile’s picture', () => {
  // A phone's 412 px screen draws one 372 px tile a row; inside its 1 px frame the picture area is
  // 370 × 208.1 px, where a 9:16 take is drawn 208.1 × 9/16 ≈ 117.1 px wide.
  it('offers the still and the thumbnail with their widths, sized at the width it is drawn at', () => {
    const job = portraitTake(true)
    const { img } = picture(job, { areaWidth: 370 })
    // The first render already says it: the browser picks its source once.
    expect(img()?.getAttribute('srcset')).toBe(
      `/api/jobs/${job.id}/still 270w, /api/jobs/${job.id}/thumbnail 720w`,
    )
    expect(img()?.getAttribute('sizes')).toBe('118px')
    expect(img()?.getAttribute('src')).toBe(`/api/jobs/${job.id}/still`)
  })

  it('fills the area’s width at 16:9; a take a touch narrower is drawn at the area’s height', () => {
    const take = (size: string) => ({ ...portraitTake(true), size })
    expect(picture(take('1280x720'), { areaWidth: 370 }).img()).toHaveAttribute('sizes', '370px')
    // 1792 × 1024 is 1.75:1: 208.1 px high, 364.2 px wide, with a sliver of black either side.
    expect(picture(take('1792x1024'), { areaWidth: 370 }).img()).toHaveAttribute('sizes', '365px')
  })

  it('follows the tile when it is drawn at another width (a wider window, a turned phone)', () => {
    const { img, redraw } = picture(portraitTake(true), { areaWidth: 370 })
    redraw(758)
    // 758 × 9/16 × 9/16 = 239.8
    expect(img()?.getAttribute('sizes')).toBe('240px')
  })

  it('offers the still alone outside a grid, where the width it is drawn at is not known', () => {
    const job = portraitTake(true)
    const { img } = picture(job)
    expect(img()?.getAttribute('src')).toBe(`/api/jobs/${job.id}/still`)
    expect(img()).not.toHaveAttribute('srcset')
    expect(img()).not.toHaveAttribute('sizes')
  })

  it('shows the thumbnail alone for a take archived before stills', () => {
    const job = portraitTake(false)
    const { img } = picture(job, { areaWidth: 370 })
    expect(img()?.getAttribute('src')).toBe(`/api/jobs/${job.id}/thumbnail`)
    expect(img()).not.toHaveAttribute('srcset')
    expect(img()).not.toHaveAttribute('sizes')
  })

  it('keeps the first row first: fetched eagerly at high priority; rows below the fold lazily', () => {
    const first = picture(portraitTake(true), { place: 'first-row', areaWidth: 370 }).img
    const below = picture(portraitTake(true), { place: 'below', areaWidth: 370 }).img
    expect(first()).toHaveAttribute('fetchpriority', 'high')
    expect(first()).toHaveAttribute('loading', 'eager')
    expect(below()).toHaveAttribute('fetchpriority', 'auto')
    expect(below()).toHaveAttribute('loading', 'lazy')
  })
})
