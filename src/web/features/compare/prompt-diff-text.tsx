import { diffPrompts } from './prompt-diff'

/** A take's prompt with the words it changes against the first take's marked. */
export function PromptDiffText({ base, prompt }: { base: string | null; prompt: string }) {
  if (base === null) return <span>{prompt}</span>
  const parts = diffPrompts(base, prompt)
  if (parts.every((part) => part.kind === 'same')) {
    return (
      <span>
        {prompt} <span className="text-text-subtle">(same prompt)</span>
      </span>
    )
  }
  return (
    <span>
      {parts.map((part, i) => {
        const space = i > 0 ? ' ' : ''
        if (part.kind === 'added') {
          return (
            <span key={i}>
              {space}
              <mark className="rounded-[2px] bg-accent/25 px-0.5 text-text">{part.text}</mark>
            </span>
          )
        }
        if (part.kind === 'removed') {
          return (
            <span key={i}>
              {space}
              <del className="text-text-subtle">{part.text}</del>
            </span>
          )
        }
        return <span key={i}>{space + part.text}</span>
      })}
    </span>
  )
}
