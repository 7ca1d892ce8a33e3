import fs from 'node:fs'
import path from 'node:path'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { JobList } from '../../contract/api'
import { renderWithQuery } from '../testing/render'
import { server } from '../testing/server'
import { App } from './app'

/** The element without whitespace-only text and comments, so formatting does not count. */
function normalised(element: Element): Element {
  const copy = element.cloneNode(true) as Element
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT)
  const drop: Node[] = []
  while (walker.nextNode()) {
    const node = walker.currentNode
    if (node.nodeType === Node.COMMENT_NODE || !node.textContent?.trim()) drop.push(node)
  }
  for (const node of drop) node.parentNode?.removeChild(node)
  return copy
}

/** index.html's own header, painted before any script runs. */
function shellHeader(): Element {
  const html = fs.readFileSync(path.resolve('index.html'), 'utf8')
  const shell = new DOMParser().parseFromString(html, 'text/html').getElementById('root')
  const frame = shell?.firstElementChild
  if (!frame) throw new Error('index.html paints no shell in #root')
  return normalised(frame)
}

describe('the static shell in index.html', () => {
  it('is the app’s own frame and header bar, so React taking over moves nothing', () => {
    server.use(
      http.get('/api/jobs', () => HttpResponse.json<JobList>({ items: [], nextCursor: null })),
    )
    const { container } = renderWithQuery(<App />)
    const frame = container.firstElementChild
    if (!frame) throw new Error('the app rendered nothing')
    // The app's frame with what arrives with the data taken out: the shell is its first row,
    // up to and including the studio's name.
    const app = normalised(frame)
    for (const child of [...app.children]) if (child.tagName !== 'HEADER') child.remove()
    const header = app.querySelector('header')
    for (const child of [...(header?.children ?? [])].slice(1)) child.remove()
    const row = header?.firstElementChild
    for (const child of [...(row?.children ?? [])]) if (child.tagName !== 'H1') child.remove()

    expect(app.isEqualNode(shellHeader()), `${app.outerHTML}\n!=\n${shellHeader().outerHTML}`).toBe(
      true,
    )
  })
})
