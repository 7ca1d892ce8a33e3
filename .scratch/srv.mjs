import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
const file = '/tmp/dailies-bench-cache/video-50mb.bin'
const size = fs.statSync(file).size
http.createServer(async (req, res) => {
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size })
  if (req.url === '/fh') {
    const h = await fsp.open(file, 'r')
    h.createReadStream({ highWaterMark: 65536 }).pipe(res)
  } else if (req.url === '/fd') {
    fs.open(file, 'r', (err, fd) => fs.createReadStream(null, { fd, highWaterMark: 65536 }).pipe(res))
  } else {
    fs.createReadStream(file).pipe(res)
  }
}).listen(4486, '127.0.0.1', () => console.log('up'))
