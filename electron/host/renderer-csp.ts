/**
 * The renderer's Content-Security-Policy, one string for both shells: the Electron main process sets it on the
 * app:// scheme, the browser shell on every static file. No remote script, no inline script, no plugins.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  // wasm-unsafe-eval lets pdf.js compile its JPEG 2000 / JBIG2 decoders (scanned PDFs); it allows no JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
