/**
 * The Content-Security-Policy every page of the renderer is served with, by
 * the browser host and by the desktop app's `app://` protocol alike: scripts
 * and connections only from the app's own origin, nothing framed, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
