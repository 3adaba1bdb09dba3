// Node's Request (undici) rejects relative URLs; browsers resolve them against the page.
// The app calls '/api/v1/…' with baseUrl '', so resolve against jsdom's location like a browser does.
const NativeRequest = globalThis.Request

class PageRelativeRequest extends NativeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, globalThis.location.href).href : input, init)
  }
}

globalThis.Request = PageRelativeRequest

// Element Plus reads matchMedia / ResizeObserver, which jsdom lacks.
if (!globalThis.matchMedia) {
  globalThis.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
}
