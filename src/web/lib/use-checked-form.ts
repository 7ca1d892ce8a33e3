import { useCallback, useRef, useState, type FormEvent } from 'react'

/** What a form needs of a contract schema: its safeParse, whichever zod build made it. */
export interface FormSchema<Out> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: Out }
    | {
        success: false
        error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }
      }
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export interface CheckedForm<V extends Record<string, unknown>, Out> {
  values: V
  /** The latest values, also inside the handler that just set some. */
  getValues: () => V
  errors: FieldErrors<Extract<keyof V, string>>
  /**
   * Sets a field. `check`: also check it and put its error (or none) at it; what a person
   * changes is checked once the form has been submitted, so an error goes as soon as it is fixed.
   */
  setValue: <K extends Extract<keyof V, string>>(
    name: K,
    value: V[K],
    options?: { check?: boolean },
  ) => void
  /** A person changed the field: checked like `setValue(…, { check: submitted })`. */
  change: <K extends Extract<keyof V, string>>(name: K, value: V[K]) => void
  submitted: boolean
  setError: (name: Extract<keyof V, string>, message: string, options?: { focus?: boolean }) => void
  clearErrors: () => void
  /** The element to focus for a field's error: pass as its `ref` (a radio group: the checked radio). */
  fieldRef: (name: Extract<keyof V, string>) => (element: HTMLElement | null) => void
  focus: (name: Extract<keyof V, string>) => void
  /** Checks every field; on errors shows them and focuses the first invalid field, else sends. */
  handleSubmit: (send: (output: Out) => unknown) => (event?: FormEvent) => Promise<void>
}

/** The first message for each top-level field, as the schema reports them. */
function errorsOf<K extends string>(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors<K> {
  const errors: Partial<Record<string, string>> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '')
    errors[field] ??= issue.message
  }
  return errors
}

/**
 * A form's values and field errors, checked by the contract's own schema (the one the server
 * uses), so the browser says exactly what the server would. `order` is the fields' order on
 * screen: the first invalid one gets the focus.
 */
export function useCheckedForm<V extends Record<string, unknown>, Out>({
  initial,
  schema,
  order,
}: {
  initial: V | (() => V)
  schema: FormSchema<Out>
  order: ReadonlyArray<Extract<keyof V, string>>
}): CheckedForm<V, Out> {
  type K = Extract<keyof V, string>
  const [values, setValues] = useState<V>(initial)
  const latest = useRef(values)
  const [errors, setErrors] = useState<FieldErrors<K>>({})
  const [submitted, setSubmitted] = useState(false)
  const elements = useRef(new Map<K, HTMLElement>())
  const refs = useRef(new Map<K, (element: HTMLElement | null) => void>())

  const focus = useCallback((name: K) => elements.current.get(name)?.focus(), [])

  const setError = (name: K, message: string, options: { focus?: boolean } = {}) => {
    setErrors((current) => ({ ...current, [name]: message }))
    if (options.focus) focus(name)
  }

  const setValue = <N extends K>(name: N, value: V[N], options: { check?: boolean } = {}) => {
    latest.current = { ...latest.current, [name]: value }
    setValues(latest.current)
    if (!options.check) return
    const result = schema.safeParse(latest.current)
    const message = result.success ? undefined : errorsOf<K>(result.error.issues)[name]
    setErrors(
      ({ [name]: _old, ...rest }) =>
        (message ? { ...rest, [name]: message } : rest) as FieldErrors<K>,
    )
  }

  const fieldRef = (name: K) => {
    let ref = refs.current.get(name)
    if (!ref) {
      ref = (element: HTMLElement | null) => {
        if (element) elements.current.set(name, element)
        else elements.current.delete(name)
      }
      refs.current.set(name, ref)
    }
    return ref
  }

  const handleSubmit = (send: (output: Out) => unknown) => async (event?: FormEvent) => {
    event?.preventDefault()
    setSubmitted(true)
    const result = schema.safeParse(latest.current)
    if (!result.success) {
      const found = errorsOf<K>(result.error.issues)
      setErrors(found)
      const first = order.find((name) => found[name] !== undefined)
      if (first) focus(first)
      return
    }
    setErrors({})
    await send(result.data)
  }

  return {
    values,
    getValues: () => latest.current,
    errors,
    setValue,
    change: (name, value) => setValue(name, value, { check: submitted }),
    submitted,
    setError,
    clearErrors: () => setErrors({}),
    fieldRef,
    focus,
    handleSubmit,
  }
}
