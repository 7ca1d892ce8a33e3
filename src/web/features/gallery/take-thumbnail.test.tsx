import { act, render } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Job } from '../../../contract/job'
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

/**
 * jsdom lays nothing out: a ResizeObserver that reports, after "layout", the width set here for
 * every element it observes, as a browser's does once the page is laid out.
 */
function fakeLayout() {
  const observed = new Map<Element, ResizeObserverCallback>()
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        observed.set(target, this.callback)
      }
      unobserve() {}
      disconnect() {
        for (const [target, callback] of observed) if (callback === this.callback) observed.delete(target)
      }
    },
  )
  return {
    layOut(width: number) {
      act(() => {
        for (const [target, callback] of observed)
          callback([{ target, contentRect: { width } } as unknown as ResizeObserverEntry], {} as ResizeObserver)
      })
    },
  }
}

describe('a tile’s picture', () => {
  // A phone draws a 9:16 take in the 16:9 tile of a 412 px screen (372 × 209 px) at 209 × 9/16
  // ≈ 117.6 px wide.
  let layout: ReturnType<typeof fakeLayout>
  beforeEach(() => {
    layout = fakeLayout()
  })

  it('offers the still and the thumbnail with their widths, sized at the width it is drawn at', () => {
    const job = portraitTake(true)
    const img = picture(job)
    // Asked for as the tile mounts: the still, until the width it is drawn at is known.
    expect(img()?.getAttribute('src')).toBe(`/api/jobs/${job.id}/still`)
    expect(img()).not.toHaveAttribute('srcset')
    layout.layOut(117.6)
    expect(img()?.getAttribute('srcset')).toBe(
      `/api/jobs/${job.id}/still 270w, /api/jobs/${job.id}/thumbnail 720w`,
    )
    expect(img()?.getAttribute('sizes')).toBe('118px')
    expect(img()?.getAttribute('src')).toBe(`/api/jobs/${job.id}/still`)
  })

  it('follows the tile when it is drawn at another width (a wider window, a turned phone)', () => {
    const img = picture(portraitTake(true))
    layout.layOut(117.6)
    layout.layOut(240.2)
    expect(img()?.getAttribute('sizes')).toBe('241px')
  })

  it('shows the thumbnail alone for a take archived before stills', () => {
    const job = portraitTake(false)
    const img = picture(job)() // at once: there is no choice to make
    expect(img?.getAttribute('src')).toBe(`/api/jobs/${job.id}/thumbnail`)
    expect(img).not.toHaveAttribute('srcset')
    expect(img).not.toHaveAttribute('sizes')
  })

  it('keeps the first row first: fetched eagerly at high priority; rows below the fold lazily', () => {
    const first = picture(portraitTake(true), 'first-row')
    const below = picture(portraitTake(true), 'below')
    layout.layOut(117.6)
    expect(first()).toHaveAttribute('fetchpriority', 'high')
    expect(first()).toHaveAttribute('loading', 'eager')
    expect(below()).toHaveAttribute('fetchpriority', 'auto')
    expect(below()).toHaveAttribute('loading', 'lazy')
  })
})
