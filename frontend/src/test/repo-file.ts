// Specs that check the SPA against the rest of the repository (the user guide, the domain's
// catalogue) read those files with Node's fs, imported by name so that Node's global types stay out
// of the app's type check. vitest runs specs in Node and provides __dirname.
declare const __dirname: string

type Fs = { readFileSync(path: string, encoding: 'utf8'): string }
type Path = { resolve(...parts: string[]): string }

/** A file of the repository by its path from the repository root, e.g. `docs/user-guide/zh-CN.md`. */
export async function repoFile(path: string): Promise<string> {
  const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as Fs
  const paths = (await import(/* @vite-ignore */ 'node:path' as string)) as Path
  return fs.readFileSync(paths.resolve(__dirname, '../../..', path), 'utf8')
}
