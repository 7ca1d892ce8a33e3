import { useCallback, useEffect, useState } from 'react'
import {
  checkReferenceFile,
  checkReferencePixels,
  unreadableMessage,
  type UploadLimits,
} from './check-reference'
import { loadDraftReference, saveDraftReference } from './reference-store'

export interface ReferenceImage {
  file: File
  /** Known once the preview has decoded the image. */
  width: number | null
  height: number | null
}

export interface ReferenceApi {
  image: ReferenceImage | null
  error: string | null
  /** Checks and takes a file; returns false (and says why) when it cannot be sent. */
  choose: (file: File) => boolean
  remove: () => void
  setError: (message: string | null) => void
  /** Called by the preview once the browser decoded (or failed to decode) the image. */
  measured: (width: number, height: number) => void
  unreadable: () => void
}

/** The reference image of the draft: checked before upload, remembered across reloads. */
export function useReference(limits: UploadLimits, slot: 'reference' | 'last-frame' = 'reference'): ReferenceApi {
  const [image, setImage] = useState<ReferenceImage | null>(null)
  const [error, setError] = useState<string | null>(null)

  const take = useCallback(
    (file: File, remember: boolean) => {
      const problem = checkReferenceFile(file, limits)
      setError(problem)
      if (problem) return false
      setImage({ file, width: null, height: null })
      if (remember) void saveDraftReference(file, slot)
      return true
    },
    [limits, slot],
  )

  const drop = useCallback((message: string | null) => {
    setImage(null)
    setError(message)
    void saveDraftReference(null, slot)
  }, [slot])

  useEffect(() => {
    let cancelled = false
    void loadDraftReference(slot).then((file) => {
      if (cancelled || !file) return
      // A file chosen while the draft was loading wins.
      setImage((current) => current ?? { file, width: null, height: null })
    })
    return () => {
      cancelled = true
    }
  }, [slot])

  return {
    image,
    error,
    choose: (file) => take(file, true),
    remove: () => drop(null),
    setError,
    measured: (width, height) => {
      if (!image) return
      const problem = checkReferencePixels(image.file.name, width, height, limits)
      if (problem) drop(problem)
      else setImage({ ...image, width, height })
    },
    unreadable: () => {
      if (image) drop(unreadableMessage(image.file.name))
    },
  }
}
