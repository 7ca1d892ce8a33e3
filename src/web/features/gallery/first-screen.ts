import { createContext } from 'react'

/**
 * Where a tile sits on the page as it first opens: its still then loads at once rather than
 * lazily (the browser would wait for layout to find it in view), and the first row's ask to be
 * fetched first, since they are what a person sees first (and what Lighthouse times as LCP).
 */
export type FirstScreen = 'first-row' | 'in-view' | 'below'

export const FirstScreenContext = createContext<FirstScreen>('below')
