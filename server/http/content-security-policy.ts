// The Content-Security-Policy of every answer (the app's pages above all): only this origin's own files run or
// load, so a listing's text or a referral's note that slipped into the page as HTML could not run a script.
// The list is what the built app (vite build → dist/) really needs, checked in the browser by
// tests/e2e/content-security-policy.spec.ts (online and offline, any violation fails it):
// - scripts: the hashed bundles in /assets, the service worker (sw.js, workbox-*.js) and the dedicated pull
//   worker (src/ui/sync/pull-worker.ts, a file of /assets). No inline script and no eval: Vite's index.html loads
//   modules by URL, zod/mini compiles no code.
// - styles: /assets/*.css through <link>. Preact sets `style` through the CSSOM, which CSP does not govern; the
//   app sets no `style=` attribute in HTML and no <style> element, so no 'unsafe-inline'.
// - images, icons and the web manifest: same origin; QR codes and the coverage map are inline <svg> elements, no
//   data: or blob: URL. The only blob: URL (a CSV saved on the device) is a download link, which CSP does not
//   govern. No web fonts (system fonts), no map tiles, no third-party origin: the API is on this origin.
// - frame-ancestors 'none': no site may frame the app (clickjacking on the sign-in and referral forms); the
//   older X-Frame-Options header stays for old browsers. base-uri and form-action keep an injected <base> or
//   <form> from sending the page's relative requests or a form elsewhere; object-src 'none' (no plugins).
import type { secureHeaders } from 'hono/secure-headers';

type Directives = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} satisfies Directives;
