import type { Config } from 'tailwindcss'

/**
 * The studio's design tokens, loaded by src/web/styles.css through `@config`.
 *
 * A film-review room: near-black neutrals so the footage is the brightest thing on screen,
 * text a step below white, and one accent (actions, selection, progress). Status colours
 * (danger, warning) are kept for states, never for decoration.
 */
export default {
  theme: {
    extend: {
      colors: {
        bg: '#0a0a0b',
        surface: '#111113',
        'surface-raised': '#18181b',
        border: '#232327',
        'border-strong': '#34343a',
        text: '#e4e4e7',
        'text-muted': '#a1a1aa',
        'text-subtle': '#82828b',
        accent: '#8088ff',
        'accent-hover': '#979dff',
        'accent-fg': '#0b0b18',
        danger: '#f0616a',
        warning: '#e5b453',
      },
      fontFamily: {
        // The system's own interface face (SF Pro, Segoe UI, Roboto), or Inter where it is
        // installed: no web font, whose 48 kB a phone on a slow network waited for before the
        // first takes could show.
        sans: [
          'Inter',
          '"Inter Variable"',
          'system-ui',
          '-apple-system',
          '"Segoe UI"',
          'Roboto',
          'sans-serif',
        ],
        mono: [
          'ui-monospace',
          '"SF Mono"',
          '"JetBrains Mono"',
          'Menlo',
          '"DejaVu Sans Mono"',
          'monospace',
        ],
      },
      letterSpacing: {
        label: '0.08em',
      },
    },
  },
} satisfies Config
