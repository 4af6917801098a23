/**
 * The one HTML document every UI page starts from. It holds no data (the client fetches the API
 * and builds the page with text nodes), so nothing untrusted is ever interpolated into HTML here.
 * The header's search form works without JavaScript.
 */
export const PAGE_SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sitrep</title>
<link rel="stylesheet" href="/ui/app.css">
<script src="/ui/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">sitrep</a>
<nav aria-label="Main"><a href="/">Overview</a><a href="/search">Browse</a><a href="/stories">Stories</a><a href="/entities">Entities</a></nav>
<form class="search-form" role="search" action="/search" method="get">
<label class="skip" for="q">Search the archive</label>
<input id="q" name="q" type="search" placeholder="Search: words, &quot;phrases&quot;, source:, lang:, after:2025-01" autocomplete="off" aria-describedby="search-hint">
<button type="submit">Search</button>
</form>
<span id="search-hint" class="hint">Press <kbd>/</kbd> to search</span>
</header>
<main id="main" tabindex="-1"><p>Loading…</p></main>
</body>
</html>
`;
