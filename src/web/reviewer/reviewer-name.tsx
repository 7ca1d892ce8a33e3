import { useId, useState } from 'react'
import { reviewerNameSchema } from '../../contract/links'
import { Button } from '../components/ui/button'
import { useNameReviewer } from './reviewer-queries'

/** Asked once: the name the reviewer's notes carry in the studio. */
export function ReviewerName() {
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const save = useNameReviewer()
  const id = useId()
  return (
    <form
      className="m-auto grid w-[min(22rem,90vw)] gap-3 p-6"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = reviewerNameSchema.safeParse(name)
        if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'Say who you are')
        setProblem(null)
        save.mutate(parsed.data)
      }}
    >
      <h1 className="text-base font-medium">Before you watch</h1>
      <p className="text-sm text-text-muted">Your name goes with your notes, so whoever shared this knows who wrote them.</p>
      <label htmlFor={id} className="text-xs text-text-muted">
        Your name
      </label>
      <input
        id={id}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="name"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="h-9 rounded-md border border-border-strong bg-bg px-3 text-sm text-text focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30"
      />
      {(problem ?? save.error) && (
        <p id={`${id}-problem`} role="alert" className="text-xs text-danger">
          {problem ?? save.error?.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        Continue
      </Button>
    </form>
  )
}
