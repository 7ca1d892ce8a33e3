import { useEffect, useRef } from 'react'
import { everyFrame } from '../../lib/frame-lock'

/** Where `video` lands inside a w × h frame, fitted whole and centred (as object-contain draws it). */
function contained(video: HTMLVideoElement, w: number, h: number) {
  const scale = Math.min(w / video.videoWidth, h / video.videoHeight)
  const dw = video.videoWidth * scale
  const dh = video.videoHeight * scale
  return [(w - dw) / 2, (h - dh) / 2, dw, dh] as const
}

/**
 * |take 1 − take 2| per pixel and channel, redrawn on every frame either video presents (and after
 * a seek), so what did not change is black and what did shows in colour. The browser's own
 * 'difference' blend does the sum on the canvas, without reading pixels back into script.
 */
export function DifferenceCanvas({
  a,
  b,
}: {
  a: HTMLVideoElement | null
  b: HTMLVideoElement | null
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    const context = canvas?.getContext('2d')
    if (!canvas || !context || !a || !b) return
    const draw = () => {
      // HAVE_CURRENT_DATA: both have a frame to show.
      if (a.readyState < 2 || b.readyState < 2) return
      const w = a.videoWidth
      const h = a.videoHeight
      if (canvas.width !== w) canvas.width = w
      if (canvas.height !== h) canvas.height = h
      context.globalCompositeOperation = 'copy'
      context.drawImage(a, 0, 0, w, h)
      context.globalCompositeOperation = 'difference'
      context.drawImage(b, ...contained(b, w, h))
    }
    draw()
    const stops = [a, b].map((video) => everyFrame(video, draw))
    const events = ['loadeddata', 'seeked'] as const
    for (const video of [a, b]) for (const name of events) video.addEventListener(name, draw)
    return () => {
      for (const stop of stops) stop()
      for (const video of [a, b]) for (const name of events) video.removeEventListener(name, draw)
    }
  }, [a, b])
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label="Difference between take 1 and take 2: black where they match"
      className="absolute inset-0 z-10 size-full bg-black object-contain"
    />
  )
}
