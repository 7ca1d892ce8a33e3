import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isVideoId, videoRecordSchema, type VideoRecord } from './video'

type Warn = (message: string, err?: unknown) => void

/**
 * Jobs as one JSON file each (`videos/<id>.json`, written to a temp file then renamed) and their
 * media in `media/<id>/`. Writes go through one queue so a later state never loses to an earlier one.
 */
export class VideoStore {
  private readonly records = new Map<string, VideoRecord>()
  private queue: Promise<void> = Promise.resolve()
  private seq = 0
  private tmpCounter = 0

  constructor(
    readonly dataDir: string,
    private readonly warn: Warn = () => {},
  ) {}

  private get jobsDir(): string {
    return path.join(this.dataDir, 'videos')
  }

  async load(): Promise<VideoRecord[]> {
    await mkdir(this.jobsDir, { recursive: true })
    await mkdir(path.join(this.dataDir, 'media'), { recursive: true })
    for (const name of await readdir(this.jobsDir)) {
      if (!name.endsWith('.json')) continue
      const file = path.join(this.jobsDir, name)
      try {
        const record = videoRecordSchema.parse(JSON.parse(await readFile(file, 'utf8')))
        this.records.set(record.id, record)
        this.seq = Math.max(this.seq, record.seq)
      } catch (err) {
        this.warn(`skipping unreadable job file ${file}`, err)
      }
    }
    return this.all()
  }

  nextSeq(): number {
    this.seq += 1
    return this.seq
  }

  get(id: string): VideoRecord | undefined {
    return this.records.get(id)
  }

  /** Oldest first. */
  all(): VideoRecord[] {
    return [...this.records.values()].sort((a, b) => a.seq - b.seq)
  }

  mediaDir(id: string): string {
    if (!isVideoId(id)) throw new Error(`refusing to build a path from id ${JSON.stringify(id)}`)
    return path.join(this.dataDir, 'media', id)
  }

  mediaPath(id: string, file: string): string {
    return path.join(this.mediaDir(id), file)
  }

  /** Records the new state at once; the file follows in order. */
  save(record: VideoRecord): Promise<void> {
    this.records.set(record.id, record)
    const json = JSON.stringify(record, null, 2)
    const file = path.join(this.jobsDir, `${record.id}.json`)
    const tmp = `${file}.${process.pid}.${++this.tmpCounter}.tmp`
    return this.enqueue(async () => {
      await writeFile(tmp, json)
      await rename(tmp, file)
    })
  }

  remove(id: string): Promise<void> {
    this.records.delete(id)
    const file = path.join(this.jobsDir, `${id}.json`)
    const media = this.mediaDir(id)
    return this.enqueue(async () => {
      await rm(file, { force: true })
      await rm(media, { recursive: true, force: true })
    })
  }

  /** Resolves once every queued write has landed. */
  flush(): Promise<void> {
    return this.queue
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task)
    this.queue = run.catch((err: unknown) => this.warn('simulator store write failed', err))
    return run
  }
}
