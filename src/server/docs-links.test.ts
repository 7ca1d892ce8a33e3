import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listFiles } from './testing/vault-snapshot'

/**
 * README.md and docs/ are read by people who cloned the repository and have nothing else: every
 * link that is not a web address points at a file inside it that exists, and README's pictures
 * are there.
 */
const ROOT = path.resolve('.')
const DOCS = [
  'README.md',
  ...listFiles('docs')
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
]

/** Markdown links and images, `[text](target)` and `![alt](target "title")`, outside code. */
function linksIn(markdown: string): { target: string; image: boolean }[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (match) => ({
      target: match[2] ?? '',
      image: match[1] === '!',
    }),
  )
}

const isWebAddress = (target: string) => /^(https?:|mailto:)/.test(target)

describe('links in README.md and docs/', () => {
  it('point at files inside the repository that exist', () => {
    const broken: string[] = []
    let checked = 0
    for (const doc of DOCS) {
      for (const { target } of linksIn(fs.readFileSync(doc, 'utf8'))) {
        if (isWebAddress(target) || target.startsWith('#')) continue
        checked++
        const file = path.resolve(path.dirname(doc), decodeURI(target.split('#')[0] ?? ''))
        const inside = file === ROOT || file.startsWith(ROOT + path.sep)
        if (!inside || !fs.existsSync(file)) broken.push(`${doc}: ${target}`)
      }
    }
    expect(checked, 'links found in the docs').toBeGreaterThan(5)
    expect(broken).toEqual([])
  })

  it('show the studio in README with at least two pictures kept in the repository', () => {
    const pictures = linksIn(fs.readFileSync('README.md', 'utf8')).filter((link) => link.image)
    expect(
      pictures.filter((picture) => !isWebAddress(picture.target)).length,
    ).toBeGreaterThanOrEqual(2)
  })
})
