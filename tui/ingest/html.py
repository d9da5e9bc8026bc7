"""HTML to readable logical text, with selectolax (lexbor).

Two uses: ``html_to_text`` for feed descriptions (a fragment: keep every
paragraph, drop markup), and ``extract_page`` for whole web pages (drop
navigation, headers, footers, asides, forms, scripts; then keep the block
with the most running text, scored readability-style: text length of its
paragraphs, discounted by link density). Why our own walk rather than
``node.text()``: ``text()`` glues block elements together, and readers need
the paragraph breaks (RTL direction is decided per paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.errors import InputError
from tui.ingest.textclean import RARE_CHARS, clean_inline, clean_text, nfc_if_plain

BLOCK_TAGS = frozenset("""
address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section
summary table tbody thead tfoot tr ul caption legend
""".split())
SKIP_TAGS = frozenset("script style noscript template svg math head iframe object embed canvas "
                      "select button input textarea audio video map title".split())
BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "form", "menu", "dialog")
BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog")
_BOILERPLATE_NAME = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|breadcrumbs?|footer|header|sidebar|share|social|related|comments?|"
    r"promo|advert|ads?|cookie|subscribe|newsletter|masthead|popup|banner|widget|tags)($|[-_ ])", re.I)
_CELL_TAGS = frozenset(("td", "th"))
_MAX_WIDENING = 6
_CANDIDATES = 12
_WS = re.compile(r"\s+")
# Deeper than any real page (browsers' parsers stop nesting at 512); lexbor's
# tree building slows down with depth (0.6 s for 20,000 nested <div>, 9 s
# for <ul><li>), so depth is checked before the parser sees the document.
MAX_HTML_DEPTH = 256
# Tags that never nest (void) or whose end tag is optional (an unclosed <li>
# or <p> is closed by its next sibling, not nested in it).
_NO_DEPTH = frozenset("""
area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame
a p li dt dd tr td th option optgroup tbody thead tfoot colgroup rb rt rp
""".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})[^<>]*?(/?)>")
# Whitespace other than the ASCII space (what ``\s`` matches besides " "): a
# text node needs collapsing when it holds one of these or a double space.
# (One positive class: ``[^\S ]`` made the regex engine test every character
# against the whole Unicode whitespace set twice, the walk's main cost.)
_OTHER_WS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# A description that is only paragraphs of plain text (``<p>…</p><p>…</p>``: no
# other tag, no attribute, no entity, no CR, NUL or lone surrogate, which an
# HTML parser would rewrite) is what most feeds send. Its tree is known
# (body > p > text), so the walk's output is written directly: the same
# string, without building a DOM and visiting it from Python.
_FLAT = re.compile(r"(?:<p>[^<>&\x00\r\ud800-\udfff]*</p>)+")
# The same shape whose text needs nothing but NFC either: no character that
# ``_OTHER_WS`` or the cleaning rules (``RARE_CHARS``: the flat class's NUL, CR and
# surrogates among them) act on; with no double space, its paragraphs are the
# text as they stand. One scan instead of three (the shape, whitespace, rare).
_FLAT_PLAIN = re.compile(f"(?:<p>[^<>&\n\u1680{RARE_CHARS}]*</p>)+")


@dataclass
class Page:
    """What a web page or HTML file yields for an Article."""

    title: str
    text: str
    language: str = ""
    direction: str | None = None


def parse(html: str) -> LexborHTMLParser:
    """The lexbor tree of ``html``; InputError when it nests deeper than MAX_HTML_DEPTH."""
    check_depth(html)
    return LexborHTMLParser(html)


def check_depth(html: str, limit: int = MAX_HTML_DEPTH) -> None:
    """Refuse markup nested deeper than ``limit``, in one linear scan of the tags.

    An approximation of the tree builder: an end tag closes the innermost
    open element of its name (if any is open, within the limit), void and
    optional-end elements never count. It errs towards counting deeper than
    a browser would, never shallower, for markup that closes what it opens.
    """
    if html.count("<") <= limit:
        return
    stack: list[str] = []
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NO_DEPTH or selfclosing:
            continue
        if not closing:
            stack.append(name)
            if len(stack) > limit:
                raise InputError(f"HTML nested more than {limit} levels deep; refused")
        elif name in stack:
            while stack.pop() != name:
                pass


def html_to_text(html: str) -> str:
    """A description fragment as clean text with paragraphs; no markup left."""
    if "<" not in html and "&" not in html:
        return clean_text(html)
    if html.startswith("<p>"):
        if "  " not in html and _FLAT_PLAIN.fullmatch(html):
            text = "\n\n".join(s for s in (p.strip(" ") for p in html[3:-4].split("</p><p>")) if s)
            if unicodedata.normalize("NFC", text) is text:  # (normalize returns its argument when it is NFC)
                return text
        if _FLAT.fullmatch(html):
            return _flat_clean(html)
    tree = parse(html)
    root = tree.body or tree.root
    return node_text(root) if root is not None else ""


def _flat_clean(html: str) -> str:
    """``clean_text(_flat_text(html))``, the common case without the detour.

    The paragraphs are joined by one blank line directly: each has at most
    one space at either end (runs were collapsed), which the line-edge rule
    drops, and empty ones vanish in the blank-line rule. When the text then
    needs nothing but NFC (the usual case), that is the result; otherwise the
    full rules run (tests/test_textclean_fast.py checks the two agree).
    """
    paras = html[3:-4].split("</p><p>")
    if _needs_ws(html):
        paras = [_WS.sub(" ", p) for p in paras]
    plain = nfc_if_plain("\n\n".join(s for s in (p.strip(" ") for p in paras) if s))
    return plain if plain is not None else clean_text(_flat_text(html))


def _flat_text(html: str) -> str:
    """What ``_walk`` gives for body > p* with text children (see ``_FLAT``)."""
    inner = html[3:-4]
    if _needs_ws(inner):  # whitespace to collapse, paragraph by paragraph
        inner = "</p><p>".join(_WS.sub(" ", p) for p in inner.split("</p><p>"))
    return "\n\n\n\n" + inner.replace("</p><p>", "\n\n\n\n") + "\n\n\n\n"


def _needs_ws(text: str) -> bool:
    """Whether ``_WS.sub(" ", text)`` would change ``text``."""
    return "  " in text or _OTHER_WS.search(text) is not None


def node_text(node: LexborNode) -> str:
    """Readable text of a subtree: blocks become paragraphs, <br> a newline."""
    out: list[str] = []
    _walk(node, out)
    return clean_text("".join(out))


def _walk(root: LexborNode, out: list[str]) -> None:
    """Iterative depth-first walk (deeply nested junk must not hit the recursion limit).

    Whether a text node is inside <pre> is counted on the way, not looked up
    through its ancestors, so the walk stays linear in the size of the tree.
    """
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    in_pre = 0
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in BLOCK_TAGS:
                out.append("\n\n")
            elif tag in _CELL_TAGS:
                out.append(" ")
            if tag == "pre":
                in_pre -= 1
            continue
        if node.is_text_node:
            text = node.text_content or ""
            out.append(_WS.sub(" ", text) if not in_pre and _needs_ws(text) else text)
            continue
        if tag in SKIP_TAGS or node.is_comment_node:
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag in BLOCK_TAGS:
            out.append("\n\n")
        elif tag == "img":
            alt = (node.attributes.get("alt") or "").strip()
            if alt and node.parent is not None and node.parent.tag == "figure":
                out.append(alt)
            continue
        if tag == "pre":
            in_pre += 1
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))


def extract_page(html: str) -> Page:
    """The main readable content of a whole page, its title, language and direction."""
    tree = parse(html)
    language, direction = _lang_dir(tree)
    title = _title(tree)
    body = tree.body
    if body is None:
        return Page(title=title, text="", language=language, direction=direction)
    strip_boilerplate(body)
    main = main_content(body)
    text = node_text(main)
    if title and text.split("\n\n", 1)[0].strip() == title:
        text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return Page(title=title, text=text, language=language, direction=direction)


def _lang_dir(tree: LexborHTMLParser) -> tuple[str, str | None]:
    html = tree.css_first("html")
    attrs = html.attributes if html is not None else {}
    lang = (attrs.get("lang") or attrs.get("xml:lang") or "").strip()
    direction = (attrs.get("dir") or "").strip().lower()
    body = tree.body
    if body is not None and not direction:
        direction = (body.attributes.get("dir") or "").strip().lower()
    return lang, (direction if direction in ("rtl", "ltr") else None)


def _title(tree: LexborHTMLParser) -> str:
    for selector in ("article h1", "main h1", "h1", "title"):
        node = tree.css_first(selector)
        if node is not None:
            text = clean_inline(node.text(deep=True) or "")
            if text:
                return text
    meta = tree.css_first('meta[property="og:title"]')
    return clean_inline((meta.attributes.get("content") or "") if meta is not None else "")


def strip_boilerplate(body: LexborNode) -> None:
    """Remove page furniture in place: navigation, banners, asides, forms, scripts."""
    for tag in (*SKIP_TAGS, *BOILERPLATE_TAGS):
        for node in body.css(tag):
            if not _is_main(node):
                node.decompose()
    for role in BOILERPLATE_ROLES:
        for node in body.css(f'[role="{role}"]'):
            node.decompose()
    for node in body.css("[class], [id]"):
        if node.tag in ("body", "html", "main", "article", "p"):
            continue
        name = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _BOILERPLATE_NAME.search(name) and not _is_main(node):
            node.decompose()


def _is_main(node: LexborNode) -> bool:
    """A <header> or <form> that wraps the article itself must be kept."""
    return node.css_first("article, main") is not None


def main_content(body: LexborNode) -> LexborNode:
    """The element holding the article: the best-scored paragraph container.

    Each paragraph adds its text length to its parent and half to its
    grandparent; the winner is discounted by its link density, then widened
    to its parent while the parent adds little text (a headline, a byline).
    """
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for p in body.css("p, pre, blockquote, li, td, h2, h3"):
        length = len((p.text(deep=True) or "").strip())
        if length < 25:
            continue
        weight = length if p.tag != "li" else length * 0.5
        parent = p.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            key = parent.mem_id
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + weight * share
            parent = parent.parent
    if not scores:
        return body
    # Link density walks a whole subtree: weigh only the strongest few candidates.
    strongest = sorted(scores, key=scores.__getitem__, reverse=True)[:_CANDIDATES]
    best_key = max(strongest, key=lambda k: scores[k] * (1 - _link_density(nodes[k])))
    best = nodes[best_key]
    best_len = _text_len(best)
    for _ in range(_MAX_WIDENING):  # a headline or byline sits a level or two up, not 200
        if best.parent is None or best.tag in ("body", "html"):
            break
        parent_len = _text_len(best.parent)
        if parent_len > best_len * 1.25:
            break
        best, best_len = best.parent, parent_len
    return best


def _text_len(node: LexborNode) -> int:
    return len(re.sub(r"\s+", "", node.text(deep=True) or ""))


def _link_density(node: LexborNode) -> float:
    total = _text_len(node)
    if not total:
        return 1.0
    links = sum(_text_len(a) for a in node.css("a"))
    return min(links / total, 1.0)
