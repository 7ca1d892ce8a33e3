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
        composer.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true })
      }}
    >
      New take
    </a>
  )
}
