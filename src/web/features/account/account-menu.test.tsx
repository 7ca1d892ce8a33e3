import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo } from '../../../contract/session'
import { goToSignIn } from '../../lib/go-to-sign-in'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { AccountMenu } from './account-menu'

vi.mock('../../lib/go-to-sign-in', () => ({ goToSignIn: vi.fn() }))

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const PROTECTED: SessionInfo = {
  protected: true,
  sessionDays: 7,
  name: 'Ana',
  signIns: [
    {
      at: '2026-12-01T10:02:00.000Z',
      address: '203.0.113.7',
      outcome: 'wrong_token',
      userAgent: 'curl/8.5.0',
    },
    {
      at: '2026-12-01T10:00:00.000Z',
      address: '198.51.100.2',
      outcome: 'signed_in',
      userAgent: FIREFOX,
    },
  ],
}

let posted: string[] = []
beforeEach(() => {
  posted = []
  vi.mocked(goToSignIn).mockClear()
  server.use(
    http.get('/api/session', () => HttpResponse.json(PROTECTED)),
    http.post('/api/session/:action', ({ params }) => {
      posted.push(String(params.action))
      return new HttpResponse(null, { status: 204 })
    }),
  )
})

describe('the account menu', () => {
  it('is not there when the studio asks for no token', async () => {
    server.use(
      http.get('/api/session', () =>
        HttpResponse.json<SessionInfo>({ protected: false, sessionDays: null, signIns: [], name: null }),
      ),
    )
    renderWithQuery(<AccountMenu />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('button', { name: 'Account' })).not.toBeInTheDocument()
  })

  it('lists the latest sign-ins, refusals first as they came, with address and client', async () => {
    const { user } = renderWithQuery(<AccountMenu />)
    await user.click(await screen.findByRole('button', { name: 'Account' }))
    const rows = within(screen.getByRole('list', { name: 'Recent sign-ins' })).getAllByRole(
      'listitem',
    )
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Wrong token.*203\.0\.113\.7curl$/),
      expect.stringMatching(/^Signed in.*198\.51\.100\.2Firefox$/),
    ])
    expect(screen.getByText('A session ends after 7 days without use.')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('list', { name: 'Recent sign-ins' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Account' })).toHaveAttribute('aria-expanded', 'false')
  })

  it('signs this browser out, then goes to the sign-in page that says so', async () => {
    const { user } = renderWithQuery(<AccountMenu />)
    await user.click(await screen.findByRole('button', { name: 'Account' }))
    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    await vi.waitFor(() => expect(goToSignIn).toHaveBeenCalledWith('signed-out'))
    expect(posted).toEqual(['sign-out'])
  })

  it('signs out everywhere only once asked again, and can be let be', async () => {
    const { user } = renderWithQuery(<AccountMenu />)
    await user.click(await screen.findByRole('button', { name: 'Account' }))
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }))
    expect(
      screen.getByText(/Every browser signed in to this studio, this one too/),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(posted).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere…' }))
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
    await vi.waitFor(() => expect(goToSignIn).toHaveBeenCalledWith('signed-out-everywhere'))
    expect(posted).toEqual(['sign-out-everywhere'])
  })
})
