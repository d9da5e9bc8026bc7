"""Getting articles in: local files, feeds, web pages, OPML lists.

Pure logic (no Textual). The pieces, in the order data flows:

- ``encoding.decode_bytes(data, declared=None, name=...) -> Decoded``: bytes to text.
- ``html.html_to_text(fragment)`` / ``html.extract_page(html) -> Page``: readable text.
- ``feeds.parse_feed(text, name) -> ParsedFeed``: RSS 0.9x/1.0/2.0, Atom, JSON Feed.
- ``opml.parse_opml(text) -> list[Feed]`` / ``opml.export_opml(feeds) -> str``.
- ``local.load_path(path) -> Loaded``: one file, parsed, nothing saved yet.
- ``fetch.fetch_all(store, config, progress=cb) -> list[FetchReport]`` (async) and
  ``fetch.fetch_all_sync(...)``: refresh subscribed feeds into the store.

Parsing never writes; callers add a whole file's articles in one store write,
so a bad input leaves the library untouched. Submodules are imported
explicitly (``from tui.ingest.fetch import fetch_all``) so that importing
``tui.ingest`` does not pull in httpx for callers that only read files.
"""
