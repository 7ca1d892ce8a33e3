import { describe, expect, it } from 'vitest'
import { createJobForm } from './create-job'

describe('createJobForm', () => {
  const fields = {
    prompt: 'p',
    model: 'sora-2',
    size: '1280x720',
    seconds: 8,
    fit: 'contain',
  } as const

  it('sends every field as text and the image as input_reference, last', () => {
    const image = new File(['bytes'], 'still.png', { type: 'image/png' })
    const form = createJobForm({ ...fields, group: 'grp_1', reference: image })

    expect([...form.keys()]).toEqual([
      'prompt',
      'model',
      'size',
      'seconds',
      'fit',
      'group',
      'input_reference',
    ])
    expect(form.get('seconds')).toBe('8')
    const sent = form.get('input_reference') as File
    expect(sent.name).toBe('still.png')
    expect(sent.size).toBe(5)
  })

  it('leaves out the group and the image when there are none', () => {
    expect([...createJobForm({ ...fields, reference: null }).keys()]).toEqual([
      'prompt',
      'model',
      'size',
      'seconds',
      'fit',
    ])
  })
})
