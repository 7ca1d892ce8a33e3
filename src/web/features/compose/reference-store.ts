/**
 * Keeps the draft's reference image in IndexedDB (localStorage holds strings of a few MB at
 * most), so a reload brings the picture back with the prompt. Without IndexedDB it does nothing.
 */
const DB_NAME = 'dailies-composer'
const STORE = 'draft'
const KEY = 'reference'

interface StoredReference {
  name: string
  type: string
  lastModified: number
  blob: Blob
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

async function openStore(mode: IDBTransactionMode): Promise<IDBObjectStore | null> {
  if (typeof indexedDB === 'undefined') return null
  const open = indexedDB.open(DB_NAME, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(STORE)
  const db = await request(open)
  return db.transaction(STORE, mode).objectStore(STORE)
}

/** `slot` tells the first frame (`reference`) from the last (`last-frame`). */
export async function saveDraftReference(file: File | null, slot = KEY): Promise<void> {
  try {
    const store = await openStore('readwrite')
    if (!store) return
    if (!file) {
      await request(store.delete(slot))
      return
    }
    const stored: StoredReference = {
      name: file.name,
      type: file.type,
      lastModified: file.lastModified,
      blob: file,
    }
    await request(store.put(stored, slot))
  } catch {
    // Storage refused (quota, private mode): the reference is just not remembered.
  }
}

export async function loadDraftReference(slot = KEY): Promise<File | null> {
  try {
    const store = await openStore('readonly')
    if (!store) return null
    const stored = (await request(store.get(slot))) as StoredReference | undefined
    if (!stored?.blob) return null
    return new File([stored.blob], stored.name, {
      type: stored.type,
      lastModified: stored.lastModified,
    })
  } catch {
    return null
  }
}
