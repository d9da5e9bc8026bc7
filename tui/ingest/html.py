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
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tui.ingest.textclean import clean_inline, clean_text

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
_WS = re.compile(r"\s+")
_NEEDS_WS = re.compile(r"[^\S ]|  ")


@dataclass
class Page:
    """What a web page or HTML file yields for an Article."""

    title: str
    text: str
    language: str = ""
    direction: str | None = None


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def html_to_text(html: str) -> str:
    """A description fragment as clean text with paragraphs; no markup left."""
    if "<" not in html and "&" not in html:
        return clean_text(html)
    tree = parse(html)
    root = tree.body or tree.root
    return node_text(root) if root is not None else ""


def node_text(node: LexborNode) -> str:
    """Readable text of a subtree: blocks become paragraphs, <br> a newline."""
    out: list[str] = []
    _walk(node, out)
    return clean_text("".join(out))


def _walk(root: LexborNode, out: list[str]) -> None:
    """Iterative depth-first walk (deeply nested junk must not hit the recursion limit)."""
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in BLOCK_TAGS:
                out.append("\n\n")
            elif tag in _CELL_TAGS:
                out.append(" ")
            continue
        if node.is_text_node:
            text = node.text_content or ""
            out.append(_WS.sub(" ", text) if _NEEDS_WS.search(text) and not _in_pre(node) else text)
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
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))


def _in_pre(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "pre":
            return True
        parent = parent.parent
    return False


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
    best_key = max(scores, key=lambda k: scores[k] * (1 - _link_density(nodes[k])))
    best = nodes[best_key]
    best_len = _text_len(best)
    while best.parent is not None and best.tag not in ("body", "html"):
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
