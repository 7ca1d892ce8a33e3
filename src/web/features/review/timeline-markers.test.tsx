import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Transport } from '../../components/ui/transport'
import { fakeSync } from '../../testing/fake-sync'
import { makeNote } from '../../testing/notes'
import { TimelineMarkers } from './timeline-markers'

const notes = [
  makeNote({ at: 1, text: 'wing tip clips the frame' }),
  makeNote({ at: 2, until: 3, text: 'hold on the horizon\nand longer' }),
]

function renderTransport(currentTime = 0) {
  const sync = fakeSync({ currentTime, duration: 4 })
  render(<Transport sync={sync} markers={<TimelineMarkers notes={notes} sync={sync} />} />)
  return sync
}

describe('notes on the timeline', () => {
  it('mark each note where the seek bar’s thumb would be at its time, a range as a span', () => {
    renderTransport()
    const group = screen.getByRole('group', { name: 'Notes on the timeline' })
    const tick = screen.getByRole('button', {
      name: 'Note at 00:00:01:00: wing tip clips the frame',
    })
    const span = screen.getByRole('button', { name: 'Note at 00:00:02:00: hold on the horizon' })
    expect(group).toContainElement(tick)
    // A quarter of the way along the track, which starts and ends half a thumb in.
    expect(tick.style.left).toBe('calc(8px + 0.25 * (100% - 16px))')
    expect(tick.style.width).toBe('')
    expect(span.style.left).toBe('calc(8px + 0.5 * (100% - 16px))')
    expect(span.style.width).toBe(
      'calc(calc(8px + 0.75 * (100% - 16px)) - calc(8px + 0.5 * (100% - 16px)))',
    )
  })

  it('go to the middle of the note’s frame, paused, when clicked', async () => {
    const sync = renderTransport()
    await userEvent.click(screen.getByRole('button', { name: /^Note at 00:00:02:00/ }))
    expect(sync.pause).toHaveBeenCalled()
    // Frame 48 of 24 fps spans 2.000–2.042 s: its middle, so the decoder cannot land on frame 47.
    expect(sync.seek).toHaveBeenLastCalledWith((48 + 0.5) / 24)
  })

  it('show nothing until the take’s length is known', () => {
    const sync = fakeSync({ duration: 0 })
    render(<Transport sync={sync} markers={<TimelineMarkers notes={notes} sync={sync} />} />)
    expect(screen.queryByRole('group', { name: 'Notes on the timeline' })).toBeNull()
  })
})
