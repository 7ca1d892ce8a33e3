import http from 'node:http'
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
async function run(path, ms) {
  let bytes = 0; const end = Date.now() + ms
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (Date.now() < end) await new Promise((resolve, reject) => http.get({ host: '127.0.0.1', port: 4486, path, agent }, (res) => { res.on('data', (c) => bytes += c.length); res.on('end', resolve) }).on('error', reject))
  }))
  return bytes / (Date.now() - end + ms) / 1000
}
for (let i = 0; i < 4; i++) for (const p of ['/plain', '/fh', '/fd']) console.log(p, (await run(p, 2000)).toFixed(0), 'MB/s')
process.exit(0)
