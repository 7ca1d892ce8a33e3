import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Note } from '../../../contract/review'
import type { VideoSync } from '../../lib/use-video-sync'
import { fakeSync } from '../../testing/fake-sync'
import { makeNote } from '../../testing/notes'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { NotesPanel } from './notes-panel'
import { useNoteDraft } from './use-note-draft'

const JOB = 'job_test00000001'
const notes = [
  makeNote({ at: 0.5, text: 'too dark at the start' }),
  makeNote({ at: 1.5, text: 'wing tip clips the frame', author: 'Lee' }),
  makeNote({ at: 3, until: 3.5, text: 'hold on the horizon' }),
]

function Panel({ sync }: { sync: VideoSync }) {
  const drafting = useNoteDraft(sync)
  return <NotesPanel jobId={JOB} notes={notes} error={null} sync={sync} drafting={drafting} />
}

/** The list gets a layout jsdom lacks: items 40 px high, in a box showing two of them. */
function layOut(list: HTMLElement) {
  list.querySelectorAll('li').forEach((item, i) => {
    Object.defineProperty(item, 'offsetTop', { value: i * 40 })
    Object.defineProperty(item, 'offsetHeight', { value: 40 })
  })
  Object.defineProperty(list, 'clientHeight', { value: 80 })
}

const currentNote = () =>
  screen.getAllByRole('listitem').find((item) => item.getAttribute('aria-current') === 'true')

describe('the notes list', () => {
  it('shows each note with its timecode, author and text', () => {
    renderWithQuery(<Panel sync={fakeSync({ currentTime: 0 })} />)
    const items = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^00:00:00:12Dana.*too dark at the start/),
      expect.stringMatching(/^00:00:01:12Lee.*wing tip clips the frame/),
      expect.stringMatching(/^00:00:03:00–00:00:03:12Dana.*hold on the horizon/),
    ])
  })

  it('follows playback: the note under the playhead is highlighted and scrolled into view', () => {
    const { rerender } = renderWithQuery(<Panel sync={fakeSync({ currentTime: 0.2 })} />)
    const list = screen.getByRole('list', { name: 'Notes' })
    layOut(list)
    expect(currentNote()).toBeUndefined()

    rerender(<Panel sync={fakeSync({ currentTime: 0.6, playing: true })} />)
    expect(currentNote()).toHaveTextContent('too dark at the start')
    expect(list.scrollTop).toBe(0)

    rerender(<Panel sync={fakeSync({ currentTime: 1.55, playing: true })} />)
    expect(currentNote()).toHaveTextContent('wing tip clips the frame')

    // The third note is below the fold of the list: the list scrolls it up into view.
    rerender(<Panel sync={fakeSync({ currentTime: 3.9, playing: true })} />)
    expect(currentNote()).toHaveTextContent('hold on the horizon')
    expect(list.scrollTop).toBe(40)

    // Back to the first: scrolled back up.
    rerender(<Panel sync={fakeSync({ currentTime: 0.5 })} />)
    expect(currentNote()).toHaveTextContent('too dark at the start')
    expect(list.scrollTop).toBe(0)
  })

  it('goes to a note’s frame, paused, when one is clicked', async () => {
    const sync = fakeSync({ currentTime: 0, playing: true })
    const { user } = renderWithQuery(<Panel sync={sync} />)
    await user.click(screen.getByRole('button', { name: /wing tip clips the frame/ }))
    expect(sync.pause).toHaveBeenCalled()
    expect(sync.seek).toHaveBeenLastCalledWith((36 + 0.5) / 24)
  })

  it('asks the author’s name once, then remembers it', async () => {
    localStorage.clear()
    const posted: unknown[] = []
    server.use(
      http.post(`/api/jobs/${JOB}/notes`, async ({ request }) => {
        const body = (await request.json()) as Partial<Note>
        posted.push(body)
        return HttpResponse.json(makeNote({ ...body, id: 'note_posted000001' }), { status: 201 })
      }),
      http.get(`/api/jobs/${JOB}/notes`, () => HttpResponse.json({ items: notes })),
    )
    const sync = fakeSync({ currentTime: 2.01 })
    const { user, unmount } = renderWithQuery(<Panel sync={sync} />)
    await user.click(screen.getByRole('button', { name: /Add a note at 00:00:02:00/ }))
    const form = screen.getByRole('form', { name: 'New note at 00:00:02:00' })
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'more wind{Enter}')
    // No name yet: it is asked for, and nothing is sent.
    expect(within(form).getByRole('textbox', { name: /Your name/ })).toHaveFocus()
    expect(posted).toEqual([])
    await user.type(within(form).getByRole('textbox', { name: /Your name/ }), 'Dana')
    await user.click(within(form).getByRole('button', { name: 'Add note' }))
    await expect
      .poll(() => posted)
      .toEqual([{ at: 2, until: null, text: 'more wind', marks: [], author: 'Dana' }])
    unmount()

    // Next time: the name is known and not asked again.
    const again = renderWithQuery(<Panel sync={sync} />)
    await again.user.click(screen.getByRole('button', { name: /Add a note at/ }))
    expect(screen.queryByRole('textbox', { name: /Your name/ })).toBeNull()
    expect(screen.getByText(/as Dana/)).toBeInTheDocument()
  })

  it('writes a range: its out point is the frame the playhead was moved to', async () => {
    localStorage.setItem('dailies:author', 'Dana')
    const posted: unknown[] = []
    server.use(
      http.post(`/api/jobs/${JOB}/notes`, async ({ request }) => {
        const body = (await request.json()) as Partial<Note>
        posted.push(body)
        return HttpResponse.json(makeNote({ ...body, id: 'note_posted000002' }), { status: 201 })
      }),
    )
    const { user, rerender } = renderWithQuery(<Panel sync={fakeSync({ currentTime: 2.01 })} />)
    await user.click(screen.getByRole('button', { name: /Add a note at 00:00:02:00/ }))
    const form = screen.getByRole('form', { name: 'New note at 00:00:02:00' })
    // Still on the note's own frame: there is no later frame to end on.
    expect(within(form).getByRole('button', { name: 'Out at playhead' })).toBeDisabled()

    rerender(<Panel sync={fakeSync({ currentTime: 3.2 })} />)
    await user.click(within(form).getByRole('button', { name: 'Out at playhead' }))
    expect(form).toHaveTextContent('00:00:02:00–00:00:03:04')
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'hold the turn{Enter}')
    // The out point is the start of frame 76 (3 s + 4 frames), to the microsecond.
    await expect
      .poll(() => posted)
      .toEqual([{ at: 2, until: 3.166667, text: 'hold the turn', marks: [], author: 'Dana' }])
  })

  it('edits a note at its frame and deletes another', async () => {
    const changed: { method: string; path: string; body: unknown }[] = []
    const record = async ({ request }: { request: Request }) => {
      const { pathname } = new URL(request.url)
      const body: unknown = request.method === 'PATCH' ? await request.json() : null
      changed.push({ method: request.method, path: pathname, body })
      return request.method === 'PATCH'
        ? HttpResponse.json(makeNote({ ...notes[1], ...(body as Partial<Note>) }))
        : new HttpResponse(null, { status: 204 })
    }
    server.use(
      http.patch(`/api/jobs/${JOB}/notes/:id`, record),
      http.delete(`/api/jobs/${JOB}/notes/:id`, record),
    )
    const sync = fakeSync({ currentTime: 0 })
    const { user } = renderWithQuery(<Panel sync={sync} />)

    await user.click(screen.getByRole('button', { name: 'Edit the note at 00:00:01:12' }))
    expect(sync.seek).toHaveBeenLastCalledWith((36 + 0.5) / 24)
    const form = screen.getByRole('form', { name: 'Edit the note at 00:00:01:12' })
    const text = within(form).getByRole('textbox', { name: 'Note' })
    expect(text).toHaveValue('wing tip clips the frame')
    await user.clear(text)
    await user.type(text, 'wing tip: reframe{Enter}')
    await expect.poll(() => changed).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Delete the note at 00:00:00:12' }))
    await expect.poll(() => changed).toHaveLength(2)
    expect(changed).toEqual([
      {
        method: 'PATCH',
        path: `/api/jobs/${JOB}/notes/${notes[1]?.id}`,
        body: { at: 1.5, until: null, text: 'wing tip: reframe', marks: [] },
      },
      { method: 'DELETE', path: `/api/jobs/${JOB}/notes/${notes[0]?.id}`, body: null },
    ])
  })

  it('brings a deleted note back with Undo: its time, text, marks and author', async () => {
    const marked = makeNote({
      at: 2.5,
      text: 'the gull again',
      author: 'Lee',
      marks: [{ kind: 'rect', colour: 'red', x: 0.1, y: 0.2, w: 0.3, h: 0.2 }],
    })
    const posted: unknown[] = []
    server.use(
      http.delete(`/api/jobs/${JOB}/notes/:id`, () => new HttpResponse(null, { status: 204 })),
      http.post(`/api/jobs/${JOB}/notes`, async ({ request }) => {
        const body = (await request.json()) as Partial<Note>
        posted.push(body)
        return HttpResponse.json(makeNote(body), { status: 201 })
      }),
    )
    const sync = fakeSync({ currentTime: 0 })
    function OneNote({ jobId = JOB }: { jobId?: string }) {
      const drafting = useNoteDraft(sync)
      const shown = jobId === JOB ? [marked] : []
      return <NotesPanel jobId={jobId} notes={shown} error={null} sync={sync} drafting={drafting} />
    }
    const { user, rerender } = renderWithQuery(<OneNote />)
    await user.click(screen.getByRole('button', { name: 'Delete the note at 00:00:02:12' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Deleted the note at 00:00:02:12')
    // On to another take in the viewer, and back: Undo belongs to the take the note was on.
    rerender(<OneNote jobId="job_test00000002" />)
    expect(screen.queryByRole('status')).toBeNull()
    rerender(<OneNote />)
    const status = screen.getByRole('status')
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    await expect
      .poll(() => posted)
      .toEqual([
        { at: 2.5, until: null, text: 'the gull again', marks: marked.marks, author: 'Lee' },
      ])
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
  })
})
