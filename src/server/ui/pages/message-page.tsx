/** Errors and not-found pages: a heading and one sentence, announced to screen readers. */
export const MessagePage = ({ title, message }: { title: string; message: string }) => (
  <div class="error" role="alert">
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/">Back to the overview</a>
    </p>
  </div>
);

/** Shown when reads need a token: it is kept in an HttpOnly cookie for this browser session. */
export const TokenPage = ({ next, message }: { next: string; message: string }) => (
  <form class="token-form" action="/ui/session" method="post">
    <h1>This server needs a token to read</h1>
    <p>{message}</p>
    <input type="hidden" name="next" value={next} />
    <label for="token">API token</label>
    <input id="token" name="token" type="password" autocomplete="off" required />
    <button type="submit">Use token</button>
  </form>
);
