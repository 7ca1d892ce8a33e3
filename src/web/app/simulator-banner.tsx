/** Says plainly that nothing here is a real render, so no one mistakes the simulator for Sora. */
export function SimulatorBanner() {
  return (
    <div
      role="note"
      className="flex flex-wrap items-center gap-x-3 gap-y-0.5 border-t border-warning/20 bg-warning/[0.07] px-5 py-2 text-xs"
    >
      <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-warning" />
      <p className="font-medium text-warning">
        Simulator — renders are simulated, no provider key set
      </p>
      <p className="text-text-muted">
        Set <code className="font-mono text-[11px] text-text">COMETAPI_KEY</code> or{' '}
        <code className="font-mono text-[11px] text-text">OPENAI_API_KEY</code> and restart the
        studio to render for real.
      </p>
    </div>
  )
}
