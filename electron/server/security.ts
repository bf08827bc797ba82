/**
 * Who may talk to the browser shell: only a page that came from this server with this launch's token.
 * The token arrives once in the URL the server prints, is swapped for an HttpOnly SameSite=Strict cookie, and
 * every later request must carry it. Origin and Host are checked too, against other sites and DNS rebinding.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'glimpse_token';

export function tokenFromCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function sameSecret(a: string | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Hosts this server answers to: its own loopback address and port, nothing a rebinding DNS name can claim. */
export function allowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** Origin, when the browser sends one, must be this server itself. */
export function allowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * What the browser says about who asked (`Sec-Fetch-Site`): only this origin itself, or the person (typing the
 * URL, a bookmark). Cookies ignore ports, so a page on another 127.0.0.1 port is "same-site" and its `<img>` would
 * carry our cookie: it is refused here. Clients that are no browser send no such header and still need the token.
 */
export function allowedFetchSite(value: string | string[] | undefined): boolean {
  if (value === undefined) return true;
  return value === 'same-origin' || value === 'none';
}

export function authorised(req: IncomingMessage, token: string, port: number): boolean {
  if (!allowedHost(req.headers.host, port) || !allowedOrigin(req.headers.origin, port)) return false;
  if (!allowedFetchSite(req.headers['sec-fetch-site'])) return false;
  const header = req.headers['x-glimpse-token'];
  const fromHeader = typeof header === 'string' ? header : null;
  return sameSecret(fromHeader, token) || sameSecret(tokenFromCookie(req.headers.cookie), token);
}
