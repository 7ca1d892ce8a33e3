import { startS3Server } from '../../src/server/testing/s3-server'
import { serveParent } from './child-runtime'

/** The S3-compatible server (s3rver) in a process of its own, as a bucket is on its own machine. */
const server = await startS3Server('dailies-bench')
serveParent({ settings: () => server.settings }, () => server.close())
