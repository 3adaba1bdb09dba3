import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['src/test/setup.ts', 'src/test/session-setup.ts'],
      css: false,
      // A file's first mount transforms Element Plus (inlined below): over 20 s on a busy 2-core machine.
      testTimeout: 60000,
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
)
