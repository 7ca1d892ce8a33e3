import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithQuery } from '../../testing/render'
import { server } from '../../testing/server'
import { ComposePanel } from './compose-panel'
import { createEndpoint } from '../../testing/compose-bff'

beforeEach(() => {
  localStorage.clear()
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => vi.restoreAllMocks())

const png = (name: string) => new File([new Uint8Array(64)], name, { type: 'image/png' })
const preview = () => screen.getByRole('img', { name: /^Reference image preview/ })

/** What the browser reports once it has decoded the image. */
function decoded(img: HTMLElement, width: number, height: number) {
  Object.defineProperty(img, 'naturalWidth', { value: width })
  Object.defineProperty(img, 'naturalHeight', { value: height })
  fireEvent.load(img)
}

describe('reference image', () => {
  it('takes a dropped image and shows it in the frame of the chosen size, as cover or contain', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    const dropzone = (await screen.findByText(/Drop an image, paste, or/)).closest('label')!

    fireEvent.drop(dropzone, { dataTransfer: { files: [png('harbour.png')] } })

    expect(screen.getByText('harbour.png')).toBeInTheDocument()
    expect(preview()).toHaveAccessibleName(
      'Reference image preview, cropped to fill the 1280 × 720 frame',
    )
    expect(preview()).toHaveClass('object-cover')
    expect(preview().parentElement).toHaveStyle({ aspectRatio: '1280 / 720' })
    decoded(preview(), 1600, 1200)
    expect(screen.getByText('1600 × 1200 · 0 KB')).toBeInTheDocument()
    expect(
      screen.getByText('Cover: crops the top and bottom (25% of the image)'),
    ).toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: 'Contain' }))
    expect(preview()).toHaveClass('object-contain')
    expect(screen.getByText('Contain: black bars left and right')).toBeInTheDocument()

    // The frame follows the size.
    await user.click(screen.getByRole('radio', { name: '9:16 portrait, 720 × 1280' }))
    expect(preview().parentElement).toHaveStyle({ aspectRatio: '720 / 1280' })

    await user.click(screen.getByRole('button', { name: 'Remove reference image' }))
    expect(screen.queryByRole('img', { name: /^Reference image preview/ })).not.toBeInTheDocument()
    expect(screen.getByText(/Drop an image, paste, or/)).toBeInTheDocument()
  })

  it('takes a pasted image, and refuses one over the pixel limit once decoded', async () => {
    renderWithQuery(<ComposePanel />)
    await screen.findByRole('textbox', { name: 'Prompt' })

    fireEvent.paste(window, { clipboardData: { files: [png('huge.png')] } })
    expect(screen.getByText('huge.png')).toBeInTheDocument()

    decoded(preview(), 9000, 6000)
    expect(screen.getByLabelText('Reference image')).toHaveAccessibleDescription(
      /“huge.png” is 9000 × 6000 \(54 MP\); the limit is 40 MP. Scale it down first.$/,
    )
    expect(screen.queryByRole('img', { name: /^Reference image preview/ })).not.toBeInTheDocument()
  })

  it('leaves text pasted into the prompt alone, even with a picture of it on the clipboard', async () => {
    const { user } = renderWithQuery(<ComposePanel />)
    const prompt = await screen.findByRole('textbox', { name: 'Prompt' })
    await user.click(prompt)

    fireEvent.paste(prompt, {
      clipboardData: {
        files: [png('word-snippet.png')],
        getData: () => 'a line copied from a script',
      },
    })
    expect(screen.queryByText('word-snippet.png')).not.toBeInTheDocument()
  })

  it('sends the image with every take, with the chosen fit', async () => {
    const bff = createEndpoint()
    server.use(bff.handler)
    const { user } = renderWithQuery(<ComposePanel />)
    await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), 'Harbour at dawn')
    await user.upload(screen.getByLabelText('Reference image'), png('harbour.png'))
    await user.click(screen.getByRole('radio', { name: 'Contain' }))
    await user.click(screen.getByRole('radio', { name: '2 takes' }))

    await user.click(screen.getByRole('button', { name: 'Generate' }))

    await waitFor(() => expect(bff.sent).toHaveLength(2))
    for (const { fields, file } of bff.sent) {
      expect(fields.fit).toBe('contain')
      expect(file).not.toBeNull()
    }
  })
})
