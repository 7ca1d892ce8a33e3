import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ExportNotesMenu } from './export-notes-menu'

afterEach(() => vi.restoreAllMocks())

describe('ExportNotesMenu', () => {
  it('downloads the chosen format for its takes under the name the studio gives', async () => {
    const asked: string[] = []
    server.use(
      http.get('/api/review/export', ({ request }) => {
        asked.push(new URL(request.url).search)
        return new HttpResponse('Take,Verdict\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="notes.csv"; filename*=UTF-8''h%C3%A9ron-take-B-notes.csv`,
          },
        })
      }),
    )
    URL.createObjectURL = vi.fn(() => 'blob:notes')
    URL.revokeObjectURL = vi.fn()
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    const { user } = renderWithQuery(
      <ExportNotesMenu scope={{ job: ['job_aaaaaaaaaa', 'job_bbbbbbbbbb'] }} />,
    )
    await user.click(screen.getByRole('button', { name: 'Export notes' }))
    await user.click(screen.getByRole('menuitem', { name: /CSV/ }))
    await vi.waitFor(() => expect(names).toEqual(['héron-take-B-notes.csv']))
    expect(asked).toEqual(['?format=csv&job=job_aaaaaaaaaa&job=job_bbbbbbbbbb'])
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('says why when the studio refuses', async () => {
    server.use(
      http.get('/api/review/export', () =>
        HttpResponse.json(
          { error: { code: 'not_found', message: 'Group g1 does not exist' } },
          { status: 404 },
        ),
      ),
    )
    const { user } = renderWithQuery(<ExportNotesMenu scope={{ group: 'g1' }} />)
    await user.click(screen.getByRole('button', { name: 'Export notes' }))
    await user.click(screen.getByRole('menuitem', { name: /Markdown/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not export the notes: Group g1 does not exist',
    )
  })
})
