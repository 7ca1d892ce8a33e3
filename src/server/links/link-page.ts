import { SIGN_IN_CSS } from '../security/sign-in-page'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

export interface LinkPageContent {
  title: string
  /** Plain sentences, one paragraph each. */
  lines: string[]
  /** The passphrase form, posting to this path. */
  passphraseForm?: { action: string; alert: string | null }
  /** Reload this same-site path at once (see the cross-site bounce in link-pages.ts). */
  refreshTo?: string
}

/** A plain page (no script, so the strict CSP holds) for a review link that cannot open yet. */
export function linkPage(content: LinkPageContent): string {
  const form = content.passphraseForm
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${content.refreshTo ? `<meta http-equiv="refresh" content="0;url=${escapeHtml(content.refreshTo)}">` : ''}
<title>${escapeHtml(content.title)} · Dailies review</title>
<link rel="stylesheet" href="/r/page.css">
</head>
<body>
<main>
<h1>${escapeHtml(content.title)}</h1>
${content.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
${
  form
    ? `<form method="post" action="${escapeHtml(form.action)}">
<label for="passphrase">Passphrase</label>
<input id="passphrase" name="passphrase" type="password" autocomplete="current-password" required autofocus>
${form.alert ? `<p role="alert">${escapeHtml(form.alert)}</p>` : ''}
<button type="submit">Open</button>
</form>`
    : ''
}
</main>
</body>
</html>`
}

export const LINK_PAGE_CSS = `${SIGN_IN_CSS}
p { color: #a1a1aa; margin: 0 0 12px; }
`
