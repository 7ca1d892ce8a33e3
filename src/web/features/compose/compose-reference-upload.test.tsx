import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEndpoint } from '../../testing/compose-bff'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'
import { downscaleImage } from './downscale-image'

// jsdom has no canvas: the browser's re-encoding is the seam; the decision and what is sent are real.
vi.mock('./downscale-image', () => ({ downscaleImage: vi.fn() }))
const encode = vi.mocked(downscaleImage)

beforeEach(() => {
  localStorage.clear()
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
  encode.mockReset()
})
afterEach(() => vi.restoreAllMocks())

const png = (name: string, bytes = 64) =>
  new File([new Uint8Array(bytes)], name, { type: 'image/png' })
const previews = () => screen.getAllByRole('img', { name: /^Reference image preview/ })

function decoded(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, 'naturalWidth', { value: width })
  Object.defineProperty(img, 'naturalHeight', { value: height })
  fireEvent.load(img)
}

/** The files put into the multipart body (jsdom's XHR does not carry a File's bytes or name). */
function sentFiles(set: { mock: { calls: unknown[][] } }) {
  return set.mock.calls.flatMap(([, value]) => (value instanceof File ? [value] : []))
}

async function composeWith(file: File, width: number, height: number) {
  const bff = createEndpoint()
  server.use(bff.handler)
  const set = vi.spyOn(FormData.prototype, 'set')
  const view = renderWithQuery(<ComposePanel />)
  await view.user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'Harbour at dawn')
  await view.user.upload(screen.getByLabelText('Reference image'), file)
  decoded(previews()[0]!, width, height)
  return { ...view, bff, set }
}

describe('an oversized reference is downscaled before upload', () => {
  it('sends the smaller picture that still covers the largest frame, and says so', async () => {
    const small = png('harbour-downscaled.png', 32)
    encode.mockResolvedValue(small)
    const { user, bff, set } = await composeWith(png('harbour.png', 4096), 6000, 4000)
    // Sora 2's largest need is 720 × 1280 covered: 1280 / 4000 of the width and height.
    expect(screen.getByText('Downscaled 6000 × 4000 → 1920 × 1280 before upload')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Generate' }))

    await waitFor(() => expect(bff.sent).toHaveLength(1))
    expect(encode).toHaveBeenCalledWith(expect.objectContaining({ size: 4096 }), {
      from: { width: 6000, height: 4000 },
      to: { width: 1920, height: 1280 },
    })
    expect(sentFiles(set)).toEqual([small])
  })

  it('sends the original when the browser cannot re-encode it', async () => {
    encode.mockResolvedValue(null)
    const { user, bff, set } = await composeWith(png('harbour.png', 4096), 6000, 4000)

    await user.click(screen.getByRole('button', { name: 'Generate' }))

    await waitFor(() => expect(bff.sent).toHaveLength(1))
    expect(encode).toHaveBeenCalledTimes(1)
    expect(sentFiles(set).map((f) => [f.name, f.size])).toEqual([['harbour.png', 4096]])
  })

  it('sends a picture near the frame size as it is', async () => {
    const { user, bff, set } = await composeWith(png('harbour.png', 4096), 1600, 1200)
    expect(screen.queryByText(/^Downscaled/)).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Generate' }))

    await waitFor(() => expect(bff.sent).toHaveLength(1))
    expect(encode).not.toHaveBeenCalled()
    expect(sentFiles(set).map((f) => [f.name, f.size])).toEqual([['harbour.png', 4096]])
  })
})

describe('the reference preview enlarges', () => {
  it('opens large in the same frame and fit, closes on Esc and gives focus back', async () => {
    const { user } = await composeWith(png('harbour.png'), 1600, 1200)
    await user.click(screen.getByRole('radio', { name: 'Contain' }))
    const enlarge = screen.getByRole('button', { name: 'Enlarge reference image' })

    await user.click(enlarge)

    const dialog = screen.getByRole('dialog', { name: /^Reference image/ })
    const large = previews()[1]!
    expect(dialog).toContainElement(large)
    expect(large).toHaveClass('object-contain')
    expect(large.parentElement).toHaveStyle({ aspectRatio: '1280 / 720' })
    fireEvent(dialog, new Event('cancel'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(enlarge).toHaveFocus()
  })

  it('enlarges the last frame of a two-reference model on its own', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Model' }), 'veo3.1')
    await user.upload(screen.getByLabelText('Last frame'), png('end.png'))

    await user.click(screen.getByRole('button', { name: 'Enlarge last frame' }))

    expect(screen.getByRole('dialog', { name: /^Last frame/ })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Enlarge last frame' })).toHaveFocus()
  })
})
