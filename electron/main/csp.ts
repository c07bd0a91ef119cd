// The one Content-Security-Policy of the app. No 'unsafe-eval' anywhere;
// 'wasm-unsafe-eval' lets WebAssembly compile (Argon2id, src/archive/kdf.ts)
// without allowing eval of JavaScript.
// style-src needs 'unsafe-inline' because the component library sets inline
// styles on elements (positions of popovers, widths of table columns).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
