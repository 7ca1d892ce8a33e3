import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiError } from '../../contract/errors'
import '../styles.css'
import { ReviewerApp } from './reviewer-app'

const root = document.getElementById('root')
if (!root) throw new Error('reviewer.html has no #root element')

// A reviewer has no studio sign-in to be sent to: a refusal is shown where it happens.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
})

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ReviewerApp />
    </QueryClientProvider>
  </StrictMode>,
)
