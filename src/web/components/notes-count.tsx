/** How many notes a take has, as a small speech bubble with the number; nothing when none. */
export function NotesCount({ count }: { count: number }) {
  if (count === 0) return null
  const label = `${count} ${count === 1 ? 'note' : 'notes'}`
  return (
    <span
      title={label}
      className="inline-flex shrink-0 items-center gap-0.5 text-[11px] text-text-subtle"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      >
        <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" strokeLinejoin="round" />
      </svg>
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  )
}
