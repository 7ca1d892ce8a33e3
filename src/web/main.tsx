import { QueryClientProvider } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { firstFrameReady } from './app/first-frame'
import { createQueryClient } from './lib/query-client'
import { ModelLabelProvider } from './lib/use-model-label'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const queryClient = createQueryClient()
// The first render is a transition: React yields to the browser every few milliseconds while
// it builds the page, rather than holding the main thread for the whole of it.
void firstFrameReady(queryClient).then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <ModelLabelProvider>
            <App />
          </ModelLabelProvider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  ),
)
