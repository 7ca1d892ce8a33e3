import fs from 'node:fs'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * Lint refuses an import of a package package.json does not declare (one that is only installed
 * because something else needs it), and a devDependency in code the studio ships: `npm ci
 * --omit=dev` would not have it. The project's own ESLint config, type information left out (the
 * rule needs none, and building the TypeScript program would take most of a minute).
 */
const SHIPPED = 'src/server/undeclared-probe.ts'
const TEST = 'src/server/undeclared-probe.test.ts'
/** Installed (another package needs it), not declared: the way playwright-core once slipped in. */
const UNDECLARED = 'semver'

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({
    overrideConfig: [{ files: [SHIPPED, TEST], ...tseslint.configs.disableTypeChecked }],
  })
})

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('imports of packages', () => {
  it('fail lint when the package is not declared, or only a devDependency, in shipped code', async () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Record<
      string,
      Record<string, string>
    >
    expect(
      fs.existsSync(`node_modules/${UNDECLARED}/package.json`),
      'the probe package is installed',
    ).toBe(true)
    expect({ ...manifest.dependencies, ...manifest.devDependencies }).not.toHaveProperty(UNDECLARED)

    const errors = await importErrors(
      SHIPPED,
      `import semver from '${UNDECLARED}'\nimport { expect } from 'vitest'\nimport fastify from 'fastify'\nexport const used = [semver, expect, fastify]\n`,
    )
    expect(errors).toEqual([
      expect.stringMatching(
        /^import-x\/no-extraneous-dependencies: 'semver' should be listed in the project's dependencies/,
      ),
      expect.stringMatching(
        /^import-x\/no-extraneous-dependencies: 'vitest' should be listed in the project's dependencies, not devDependencies/,
      ),
    ])
  })

  it('allow devDependencies in tests, never an undeclared package', async () => {
    const source = `import { expect } from 'vitest'\nimport semver from '${UNDECLARED}'\nexport const used = [expect, semver]\n`
    expect(await importErrors(TEST, source)).toEqual([
      expect.stringMatching(/^import-x\/no-extraneous-dependencies: 'semver' should be listed/),
    ])
  })
})
