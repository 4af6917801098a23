import type { MiddlewareHandler } from 'hono';

/**
 * Everything the UI needs is served by this process, so the policy allows only 'self': an
 * injected <script> or inline handler in stored news text cannot run even if escaping failed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Sets the headers on every response, errors included. A route that set its own, stricter policy
 * (the raw endpoint's `sandbox; default-src 'none'`) keeps it; `frame-ancestors 'none'` is added
 * to it when missing, so no response can be framed.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const own = c.res.headers.get('Content-Security-Policy');
  if (own === null) c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  else if (!/frame-ancestors/iu.test(own))
    c.res.headers.set('Content-Security-Policy', `${own}; frame-ancestors 'none'`);
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('X-Frame-Options', 'DENY');
  c.res.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
};
