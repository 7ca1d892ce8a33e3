import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { useTransportKeys } from '../../lib/transport-keys'
import type { VideoSync } from '../../lib/use-video-sync'
import { fakeSync } from '../../testing/fake-sync'
import { Button } from './button'
import { Dialog } from './dialog'
import { Transport } from './transport'

/** A player as the viewer builds one: a modal dialog with the transport, a note field, and a dialog it can open over itself. */
function Player({ sync }: { sync: VideoSync }) {
  const scope = useRef<HTMLDivElement>(null)
  const [over, setOver] = useState(false)
  useTransportKeys(sync, scope)
  return (
    <Dialog open onClose={() => undefined} aria-label="Player">
      <div ref={scope}>
        <Transport sync={sync} />
        <textarea aria-label="Note" />
        <Button onClick={() => setOver(true)}>Remix</Button>
        <Dialog open={over} onClose={() => setOver(false)} aria-label="Remix this take">
          <input aria-label="Remix prompt" />
          <Button>Start remix</Button>
        </Dialog>
      </div>
    </Dialog>
  )
}

function setup() {
  const sync = fakeSync()
  render(<Player sync={sync} />)
  return { sync, user: userEvent.setup() }
}

describe('the transport’s keys', () => {
  it('work with the focus on the seek bar, which keeps only its arrows', async () => {
    const { sync, user } = setup()
    screen.getByRole('slider', { name: 'Seek' }).focus()
    await user.keyboard(' kljj.,')
    expect(sync.toggle).toHaveBeenCalledTimes(1)
    expect(sync.pause).toHaveBeenCalledTimes(1)
    expect(vi.mocked(sync.shuttle).mock.calls).toEqual([[1], [-1], [-1]])
    expect(vi.mocked(sync.stepFrame).mock.calls).toEqual([[1], [-1]])
    await user.keyboard('{Home}{End}')
    expect(vi.mocked(sync.seek).mock.calls).toEqual([[0], [4]])
    await user.keyboard('{ArrowRight}')
    expect(sync.seek).toHaveBeenCalledTimes(2)
  })

  it('play with Space on a focused transport button instead of pressing it', async () => {
    const { sync, user } = setup()
    screen.getByRole('button', { name: 'Loop' }).focus()
    await user.keyboard(' ')
    expect(sync.toggle).toHaveBeenCalledTimes(1)
    expect(sync.setLoop).not.toHaveBeenCalled()
  })

  it('reach the player from the page itself, when the focus fell out of it', async () => {
    const { sync, user } = setup()
    ;(document.activeElement as HTMLElement | null)?.blur()
    await user.keyboard(' ')
    expect(sync.toggle).toHaveBeenCalledTimes(1)
  })

  it('are plain typing in a text field', async () => {
    const { sync, user } = setup()
    await user.click(screen.getByRole('textbox', { name: 'Note' }))
    await user.keyboard('jump like a kite, then stop. {Home}')
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue(
      'jump like a kite, then stop. ',
    )
    for (const action of [sync.toggle, sync.pause, sync.shuttle, sync.stepFrame, sync.seek]) {
      expect(action).not.toHaveBeenCalled()
    }
  })

  it('belong to a dialog opened over the player', async () => {
    const { sync, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Remix' }))
    await user.click(screen.getByRole('textbox', { name: 'Remix prompt' }))
    await user.keyboard('k l')
    screen.getByRole('button', { name: 'Start remix' }).focus()
    await user.keyboard(' ')
    ;(document.activeElement as HTMLElement | null)?.blur()
    await user.keyboard(' ')
    expect(sync.toggle).not.toHaveBeenCalled()
    expect(sync.pause).not.toHaveBeenCalled()
    expect(sync.shuttle).not.toHaveBeenCalled()
  })
})
