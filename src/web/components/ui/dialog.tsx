import { useEffect, useLayoutEffect, useRef, type ComponentProps } from 'react'
import { cn } from './cn'

export interface DialogProps extends Omit<ComponentProps<'dialog'>, 'open' | 'onClose'> {
  open: boolean
  /** Esc, a click on the backdrop (when `dismissOnBackdrop`), or the caller's own button. */
  onClose: () => void
  dismissOnBackdrop?: boolean
  /** The whole screen, square and on the page's background (a viewer); else a centred card. */
  fullScreen?: boolean
}

/**
 * The native modal <dialog>: the browser traps focus, makes the page behind inert, stacks
 * nested dialogs in the top layer and answers Esc. React state stays the single source of
 * truth for `open`: the dialog's own `cancel` is turned into `onClose`.
 */
export function Dialog({
  open,
  onClose,
  dismissOnBackdrop = true,
  fullScreen = false,
  className,
  children,
  ...props
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  // A layout effect, so the dialog is open before its content's effects run and can take focus.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const cancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => dialog.removeEventListener('cancel', cancel)
  }, [])

  return (
    <dialog
      ref={ref}
      className={cn(
        fullScreen
          ? 'm-0 h-dvh max-h-none w-screen max-w-none bg-bg'
          : 'm-auto max-h-[calc(100dvh-2rem)] max-w-[calc(100vw-2rem)] rounded-lg border border-border-strong bg-surface shadow-2xl shadow-black/60',
        'p-0 text-text backdrop:bg-black/70',
        className,
      )}
      onClick={(event) => {
        // A click whose target is the <dialog> itself landed on the backdrop.
        if (dismissOnBackdrop && event.target === event.currentTarget) onClose()
      }}
      {...props}
    >
      {open && children}
    </dialog>
  )
}
