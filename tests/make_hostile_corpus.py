"""Write the hostile-input corpus in tests/fixtures/hostile/ (run it after changing a payload).

Every field of every format carries the same payloads: escape sequences that
set the window title (OSC 0/2), write the clipboard (OSC 52), plant a link
(OSC 8), clear the screen (CSI 2J), their 8-bit C1 forms (U+009B CSI, U+009D
OSC), BEL/BS/CR, a bidi override (RLO) and Rich/Textual markup that would
crash ([/x]) or act ([@click=app.quit]). XML cannot hold raw C0 controls, so
the XML files come twice: ``*_c1.xml`` (well-formed: C1, RLO and markup) and
``*_raw.xml`` (raw ESC/BEL: malformed, read by the salvage path).

    python tests/make_hostile_corpus.py
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).parent / "fixtures" / "hostile"

ESC = "\x1b"
TITLE = ESC + "]0;PWNED\x07"
CLIPBOARD = ESC + "]52;c;cHduZWQ=\x07"
LINK = f"{ESC}]8;;https://evil.example/{ESC}\\here{ESC}]8;;{ESC}\\"
CLEAR = f"{ESC}[2J{ESC}[31m"
C1 = "\x9b2J\x9d2;C1PWNED\x9c\x9b31m"
CTRL = "\x07\x08\r"
RLO = "\u202egnp.exe\u202c"
MARKUP = "[bold red]M[/] [/x] [@click=app.quit]Q[/] [link=file:///etc/passwd]L[/link]"

RAW = TITLE + CLIPBOARD + LINK + CLEAR + C1 + CTRL + RLO + MARKUP
XML_SAFE = C1 + RLO + MARKUP  # what well-formed XML 1.0 can carry

AR = "تقرير عن الطقس في المدينة"
HE = "דיווח על מזג האוויר בעיר"
FA = "گزارش هوای شهر"


def rss(payload: str, body_ar: str) -> str:
    e = escape
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{e(AR + payload)}</title>
  <link>https://news.example/{e(payload)}</link>
  <language>{e("ar" + payload)}</language>
  <description>{e(payload)}</description>
  <ttl>{e(payload)}</ttl>
  <item>
    <title>{e(AR + payload)}</title>
    <link>https://news.example/a1?q={e(payload)}</link>
    <description>{e("<p>" + body_ar + payload + "</p>")}</description>
    <content:encoded>{e("<p>" + body_ar + "</p><p>" + payload + "</p>")}</content:encoded>
    <guid isPermaLink="false">{e("guid-1" + payload)}</guid>
    <pubDate>{e("Tue, 03 Jun 2025 10:00:00 GMT" + payload)}</pubDate>
    <author>{e(payload)}</author>
    <dc:creator>{e("كاتب" + payload)}</dc:creator>
    <dc:language>{e(payload)}</dc:language>
    <category>{e(payload)}</category>
  </item>
  <item>
    <title>{e(payload + "[/x]")}</title>
    <link>{e("javascript:alert(1)//" + payload)}</link>
    <description>{e(payload)}</description>
  </item>
</channel>
</rss>
"""


def atom(payload: str) -> str:
    e, q = escape, quoteattr
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={q("he" + payload)}>
  <title>{e(HE + payload)}</title>
  <link rel="alternate" href={q("https://news.example/" + payload)}/>
  <id>{e(payload)}</id>
  <entry>
    <title type="html">{e("<b>" + HE + "</b>" + payload)}</title>
    <link rel="alternate" href={q("https://news.example/e1#" + payload)}/>
    <id>{e("tag:news.example,2025:" + payload)}</id>
    <published>{e("2025-06-03T10:00:00Z" + payload)}</published>
    <updated>{e(payload)}</updated>
    <author><name>{e(payload)}</name></author>
    <summary>{e(payload)}</summary>
    <content type="xhtml" xml:lang={q(payload)}><div xmlns="http://www.w3.org/1999/xhtml" dir={q(payload)}>
      <p>{e(HE)}</p><p>{e(payload)}</p><a href={q("javascript:" + payload)}>{e(payload)}</a></div></content>
  </entry>
  <entry>
    <title>{e(payload)}</title>
    <link href={q("file:///etc/passwd" + payload)}/>
    <content type="html">{e("<p>" + payload + "</p>")}</content>
  </entry>
</feed>
"""


def json_feed(payload: str) -> str:
    item = {
        "id": "j1" + payload, "url": "https://news.example/j1" + payload, "external_url": payload,
        "title": FA + payload, "content_html": f"<p>{FA}</p><p>{payload}</p>",
        "summary": payload, "date_published": "2025-06-03T10:00:00Z" + payload,
        "date_modified": payload, "authors": [{"name": payload, "url": payload}],
        "author": {"name": payload}, "tags": [payload, "politics" + payload], "language": "fa" + payload,
        "image": payload,
    }
    item2 = {"id": payload, "url": "javascript:alert(1)" + payload, "title": payload,
             "content_text": payload + "\n\n" + FA}
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": FA + payload,
                       "home_page_url": payload, "feed_url": payload, "language": payload,
                       "description": payload, "items": [item, item2]}, ensure_ascii=True, indent=1)


def opml(payload: str) -> str:
    q = quoteattr
    return f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>{escape(payload)}</title></head>
  <body>
    <outline text={q("مجلد" + payload)}>
      <outline type="rss" text={q(AR + payload)} title={q(AR + payload)}
               xmlUrl={q("https://feeds.example/ar.xml?x=" + payload)} htmlUrl={q(payload)}
               language={q("ar" + payload)} category={q("/gulf" + payload + ",/news")}/>
    </outline>
    <outline type="rss" text={q(payload)} xmlUrl={q("javascript:alert(1)" + payload)}/>
    <outline type="rss" text={q(payload)} xmlUrl={q("file:///etc/passwd")}/>
  </body>
</opml>
"""


def html(payload: str) -> str:
    e, q = escape, quoteattr
    return f"""<!doctype html>
<html lang={q("ar" + payload)} dir={q(payload)}>
<head><title>{e(AR + payload)}</title>
<meta property="og:title" content={q(payload)}></head>
<body><article><h1>{e(AR + payload)}</h1>
<p>{e(AR + " " + payload + " " + AR + " " + AR + " " + AR)}</p>
<p>{e(payload)} <a href={q("javascript:" + payload)}>{e(payload)}</a></p>
<pre>{e(payload)}</pre></article></body></html>
"""


def main() -> None:
    files = {
        "rss_c1.xml": rss(XML_SAFE, AR), "rss_raw.xml": rss(RAW, AR),
        "atom_c1.xml": atom(XML_SAFE), "atom_raw.xml": atom(RAW),
        "feed.json": json_feed(RAW), "list.opml": opml(XML_SAFE), "page.html": html(RAW),
        "note.txt": f"{AR}{RAW}\n\n{AR}\t{RAW}\n{RAW}\n",
        "brief.md": f"# {FA} {RAW}\n\n**{FA}** {RAW}\n\n- [{RAW}](javascript:alert(1))\n",
    }
    for name, text in files.items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")


if __name__ == "__main__":
    main()
