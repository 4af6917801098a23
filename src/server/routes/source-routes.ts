import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { sourcesOf } from '../../sources/poll-cycle.js';
import { sourceJson } from '../../sources/source-json.js';
import { addSourceUrls, importStoredFeeds, requireSource } from '../../sources/source-service.js';
import type { ArticleStore } from '../../store/port.js';
import { FULL_TEXT_MODES } from '../../store/sources-port.js';
import { jsonBody } from './json-body.js';
import { validate } from '../validate.js';

const fullText = z.enum(FULL_TEXT_MODES as unknown as [string, ...string[]]);

const AddSourcesSchema = z
  .object({
    urls: z.array(z.string().min(1)).min(1).max(1000),
    kind: z.enum(['feed', 'page']).optional(),
    interval_seconds: z
      .number()
      .int()
      .min(30)
      .max(7 * 86_400)
      .optional(),
    full_text: fullText.optional(),
  })
  .strict();

const PatchSourceSchema = z
  .object({
    state: z.enum(['active', 'paused']).optional(),
    title: z.string().min(1).max(500).optional(),
    interval_seconds: z
      .number()
      .int()
      .min(30)
      .max(7 * 86_400)
      .optional(),
    full_text: fullText.optional(),
  })
  .strict();

const ListSchema = z
  .object({ state: z.enum(['active', 'paused', 'disabled']).optional() })
  .strict();

/** Live sources: health for the UI (state, last error, items/day) and their management. */
export const addSourceRoutes = (
  app: Hono,
  read: MiddlewareHandler,
  write: MiddlewareHandler,
  store: ArticleStore,
): void => {
  app.get('/api/sources', read, async (c) => {
    const q = validate(ListSchema, c.req.query(), 'query parameters');
    const list = await sourcesOf(store).listSources(q.state ? { state: q.state } : {});
    const counts = { active: 0, paused: 0, disabled: 0, failing: 0 };
    for (const s of list) {
      counts[s.state]++;
      if (s.state === 'active' && s.consecutiveFailures > 0) counts.failing++;
    }
    return c.json({ items: list.map(sourceJson), counts });
  });

  app.post('/api/sources', write, async (c) => {
    const input = validate(AddSourcesSchema, await jsonBody(c), 'body');
    const result = await addSourceUrls(store, input.urls, {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.interval_seconds ? { intervalSeconds: input.interval_seconds } : {}),
      ...(input.full_text ? { fullText: input.full_text as 'auto' } : {}),
    });
    return c.json(
      {
        added: result.added.map(sourceJson),
        existing: result.existing.map(sourceJson),
        invalid: result.invalid,
      },
      result.added.length > 0 ? 201 : 200,
    );
  });

  app.post('/api/sources/import-stored', write, async (c) => {
    const result = await importStoredFeeds(store);
    return c.json({
      added: result.added.map(sourceJson),
      existing: result.existing.map(sourceJson),
      invalid: result.invalid,
    });
  });

  app.get('/api/sources/:id', read, async (c) =>
    c.json(sourceJson(await requireSource(store, c.req.param('id')))),
  );

  app.patch('/api/sources/:id', write, async (c) => {
    const input = validate(PatchSourceSchema, await jsonBody(c), 'body');
    const source = await requireSource(store, c.req.param('id'));
    const sources = sourcesOf(store);
    if (input.state) await sources.setSourceState(source.id, input.state, new Date().toISOString());
    await sources.updateSourceSettings(source.id, {
      ...(input.title ? { title: input.title } : {}),
      ...(input.interval_seconds ? { intervalSeconds: input.interval_seconds } : {}),
      ...(input.full_text ? { fullText: input.full_text as 'auto' } : {}),
    });
    return c.json(sourceJson(await requireSource(store, source.id)));
  });

  app.delete('/api/sources/:id', write, async (c) => {
    const source = await requireSource(store, c.req.param('id'));
    await sourcesOf(store).removeSource(source.id);
    return c.json({ removed: source.id });
  });
};
