export interface SignInNotice {
  /** An alert is read out at once (a refusal); a status is news (signed out). */
  kind: 'alert' | 'status'
  text: string
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/** A plain form page (no script, so the strict CSP holds) that trades the token for a session. */
export function signInPage(notice: SignInNotice | null, name = ''): string {
  // The name is remembered: with it filled in, the cursor starts in the token.
  const focus = (field: 'name' | 'token') => ((name === '') === (field === 'name') ? ' autofocus' : '')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Dailies</title>
<link rel="stylesheet" href="/signin.css">
</head>
<body>
<main>
<h1>Dailies</h1>
<form method="post" action="/signin">
<label for="name">Your name <span>(on the takes you make)</span></label>
<input id="name" name="name" type="text" autocomplete="name" maxlength="60" required value="${escapeHtml(name)}"${focus('name')}>
<label for="token">Studio token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required${focus('token')}>
${notice ? `<p role="${notice.kind}">${escapeHtml(notice.text)}</p>` : ''}
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`
}

// The studio's own colours (tailwind.config.ts), so signing in looks like the same place.
export const SIGN_IN_CSS = `
:root { color-scheme: dark; font: 14px/1.5 system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0a0a0b; color: #e4e4e7; }
main { width: min(320px, 90vw); }
h1 { font-size: 18px; font-weight: 600; letter-spacing: .02em; margin: 0 0 24px; }
form { display: grid; gap: 10px; }
label { color: #a1a1aa; font-size: 12px; }
label span { color: #71717a; }
input { padding: 8px 10px; border-radius: 6px; border: 1px solid #34343a; background: #111113; color: inherit; font: inherit; }
input:focus-visible, button:focus-visible { outline: 2px solid #8088ff; outline-offset: 2px; }
button { padding: 8px 10px; border: 0; border-radius: 6px; background: #8088ff; color: #0b0b18; font: inherit; font-weight: 600; cursor: pointer; }
button:hover { background: #979dff; }
[role=alert] { color: #f0616a; margin: 0; }
[role=status] { color: #a1a1aa; margin: 0; }
`
