/** What a person can do about a refused take, by the provider's code (or the studio's `upstream_<kind>`). */
const STEPS: [RegExp, string][] = [
  [
    /moderation|content_policy|safety|blocked/i,
    'Reword the prompt (or use another reference image), then generate again.',
  ],
  [/rate_limit/i, 'The provider is busy: wait as long as it asks, then generate again.'],
  [
    /quota|billing|credit|insufficient/i,
    'The provider account is out of credit: top it up, then generate again.',
  ],
  [
    /auth|api_key|unauthorized|forbidden/i,
    'The provider refused the key: fix it on the studio server and restart it.',
  ],
  [/model/i, 'This provider does not serve that model now: pick another model and generate again.'],
  [
    /unavailable|server_error|internal|timeout/i,
    'The provider had trouble: generate again in a moment.',
  ],
]

export function nextStep(code: string): string {
  for (const [pattern, step] of STEPS) if (pattern.test(code)) return step
  return 'Check the prompt and settings, then generate again.'
}
