/**
 * The studio's name in the header. index.html paints the same markup before any script runs
 * (app-shell.test.tsx keeps the two identical), so React taking over moves nothing.
 */
export function Brand() {
  return (
    <h1 className="flex items-center gap-2 text-sm font-semibold tracking-tight text-text">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-accent">
        <rect
          x="2"
          y="4"
          width="16"
          height="12"
          rx="2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
        <path d="M8.5 7.5v5l4.2-2.5z" fill="currentColor" />
      </svg>
      Dailies
    </h1>
  )
}
