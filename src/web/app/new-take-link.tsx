import { buttonVariants } from '../components/ui/button'
import { cn } from '../components/ui/cn'

/**
 * On a phone the composer follows the renders and the takes, which scroll with the page: this
 * link in the header reaches it from anywhere, however many takes are loaded, and puts the
 * cursor in the prompt. Beside the takes on a desktop it is never needed, so it is hidden there.
 */
export function NewTakeLink() {
  return (
    <a
      href="#compose"
      className={cn(buttonVariants({ variant: 'primary', size: 'sm' }), 'lg:hidden')}
      onClick={(event) => {
        const composer = document.getElementById('compose')
        if (!composer) return
        event.preventDefault()
        composer.scrollIntoView?.({ block: 'start' })
        focusPromptWhenDrawn(composer)
      }}
    >
      New take
    </a>
  )
}

/** How long a tap on "New take" waits for the composer's form to be drawn. */
const DRAWN_WITHIN_MS = 10_000

/** Puts the cursor in the prompt, now or once the form is drawn (on a phone it comes on demand). */
function focusPromptWhenDrawn(composer: HTMLElement) {
  const focus = () => {
    const prompt = composer.querySelector<HTMLTextAreaElement>('textarea')
    prompt?.focus({ preventScroll: true })
    return prompt !== null
  }
  if (focus()) return
  const drawn = new MutationObserver(() => focus() && drawn.disconnect())
  drawn.observe(composer, { childList: true, subtree: true })
  setTimeout(() => drawn.disconnect(), DRAWN_WITHIN_MS)
}
