import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const TOKEN_MIN_LENGTH = 20
/** log10 of the guesses an attacker who knows common words, names and patterns needs: ≈ 66 bits. */
export const TOKEN_MIN_GUESSES_LOG10 = 20
export const MAKE_TOKEN_COMMAND = `node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`

// Loading the dictionaries takes a moment: only a studio started with a token pays for it, once.
let estimator: ZxcvbnFactory | null = null
function guessesLog10(token: string): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })
  return estimator.check(token).guessesLog10
}

/**
 * Why a studio token is too weak to guard a key that spends money, in one line with a way out, or
 * null when it is strong enough. Online guessing is slowed by the sign-in limits; these rules make
 * sure it would also take longer than anyone has.
 */
export function tokenWeakness(token: string): string | null {
  const fix = `Make a strong one with: ${MAKE_TOKEN_COMMAND}`
  if (token.length < TOKEN_MIN_LENGTH) {
    return `DAILIES_TOKEN is too short (${token.length} characters; at least ${TOKEN_MIN_LENGTH}). ${fix}`
  }
  const guesses = guessesLog10(token)
  if (guesses < TOKEN_MIN_GUESSES_LOG10) {
    return (
      `DAILIES_TOKEN is too easy to guess (common words, names, sequences or repeats: about ` +
      `10^${Math.floor(guesses)} guesses; at least 10^${TOKEN_MIN_GUESSES_LOG10}). ${fix}`
    )
  }
  return null
}
