import type { Hono } from 'hono';
import { CLIENT_SCRIPT } from './client-script.js';
import { CLIENT_STYLE } from './client-style.js';
import { PAGE_SHELL } from './page-shell.js';

/** Paths the client renders; each gets the same shell. */
export const UI_PAGES = [
  '/',
  '/search',
  '/articles/:id',
  '/entities',
  '/entities/:id',
  '/stories',
  '/stories/:id',
] as const;

export const addUiRoutes = (app: Hono): void => {
  for (const page of UI_PAGES) {
    app.get(page, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.html(PAGE_SHELL);
    });
  }
  app.get('/ui/app.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(CLIENT_SCRIPT);
  });
  app.get('/ui/app.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(CLIENT_STYLE);
  });
  // Browsers ask for it on every page; an empty answer keeps the log free of 404s.
  app.get('/favicon.ico', (c) => c.body(null, 204));
};
