import { Transform, type TransformCallback } from 'node:stream'
import { IncompleteDownloadError } from './vault'

/**
 * Passes a download through, counting its bytes, and fails at the end when they are not what
 * the provider announced (or none at all): the upload it feeds is then never completed.
 */
export class ByteCounter extends Transform {
  bytes = 0
  /** Why the stream failed, kept so a later error (the upload's abort) cannot hide it. */
  failure: Error | null = null

  constructor(
    private readonly label: string,
    private readonly expectedBytes: number | null,
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedBytes !== null && this.bytes !== this.expectedBytes) {
      callback(this.fail(new IncompleteDownloadError(`${this.label}: got ${this.bytes} of ${this.expectedBytes} bytes`)))
    } else if (this.bytes === 0) {
      callback(this.fail(new IncompleteDownloadError(`${this.label}: the provider sent an empty file`)))
    } else callback()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (error) this.fail(error)
    callback(error)
  }

  private fail(error: Error): Error {
    this.failure ??= error
    return error
  }
}
