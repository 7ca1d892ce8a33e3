/** What the sign-in page tells the person arriving there. */
export type SignInNotice = 'signed-out' | 'signed-out-everywhere'

/** Leaves the app for the BFF's sign-in page: a full page load, it is not part of the app. */
export function goToSignIn(notice?: SignInNotice): void {
  window.location.assign(notice ? `/signin?done=${notice}` : '/signin')
}
