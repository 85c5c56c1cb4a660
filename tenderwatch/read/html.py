"""HTML notice pages -> TextDoc.

Recognised templates (``data/read/html_templates.yaml``) give title, summary
table and body, in that order; any other page gives its whole <body> minus
page chrome. Nothing in the page is executed: scripts are dropped unread.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from tenderwatch.patterncache import longest_first

from .complexity import check_html_depth
from .decode import decode_bytes, normalize_newlines
from .htmltext import mark_layout, node_text, plain
from .pagesource import PageClasses, PageSource
from .scripttext import script_strings
from .templates import HtmlVocab, Template, html_vocab

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
MAX_CHROME_CHECKS = 200
MAX_TITLE_CANDIDATES = 50
MIN_PAGE_TEXT = 200  # characters of page text below which <script> strings are searched


def declared_charset(data: bytes) -> str | None:
    """Charset named in a <meta> tag within the first 4 KB, if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


HEAD_TAGS = ("meta", "title", "script")  # listed before <head> and scripts are dropped


def head_tags(tree: Any) -> dict[str, list[Any]]:
    """The page's elements of each of :data:`HEAD_TAGS`, in document order: one tag-index walk
    per tag costs less than one selector query for the three."""
    return {tag: tree.tags(tag) for tag in HEAD_TAGS}
_META_SELECTOR = re.compile(r"""^meta\[(name|property)=(["']?)([^"'\]]+)\2\]$""")


class _Metas:
    """``meta[name=X]`` / ``meta[property=X]`` lookups from one pass over the page's
    <meta> tags (first in document order, exact match, as the selector engine does)."""

    __slots__ = ("_classes", "_index", "_listed", "_tree")

    def __init__(
        self, tree: Any, listed: dict[str, list[Any]] | None = None, classes: PageClasses | None = None
    ) -> None:
        """``listed``: the page's :func:`head_tags` if the caller has them; ``classes``: its
        :class:`PageClasses` (a selector naming a class no element has is not queried)."""
        self._tree = tree
        self._listed = listed
        self._classes = classes
        self._index: dict[tuple[str, str], Any] | None = None

    def first(self, selector: str) -> Any:
        if self._listed is not None and selector in self._listed:
            found = self._listed[selector]
            return found[0] if found else None
        if selector.isalnum():  # a bare tag name: the tag index is cheaper than a selector query
            found = self._tree.tags(selector)
            return found[0] if found else None
        match = _META_SELECTOR.match(selector)
        if match is None:
            if self._classes is not None and not self._classes.may_match(selector):
                return None
            return self._tree.css_first(selector)
        if self._index is None:
            index: dict[tuple[str, str], Any] = {}
            metas = self._listed["meta"] if self._listed is not None else self._tree.tags("meta")
            for node in metas:
                attrs = node.attributes
                for key in ("name", "property"):
                    value = attrs.get(key)
                    if value:
                        index.setdefault((key, value), node)
            self._index = index
        return self._index.get((match.group(1), match.group(3)))


def _first(metas: _Metas, selectors: tuple[str, ...]) -> str:
    for sel in selectors:
        node = metas.first(sel)
        if node is None:
            continue
        value = (node.attributes.get("content") or "").strip() if node.tag == "meta" else plain(node)
        if value:
            return value
    return ""


_TITLE_SEP = re.compile(r"\s*(?:\s-\s|[-_|｜–—]{1,2})\s*")
_HEADINGS = "h1,h2,h3,h4"


def _guess_title(tree: Any, vocab: HtmlVocab, head_title: str, classes: PageClasses) -> str:
    """Title of a page that matches no template.

    Candidates are headings and title-like elements; the one that matches the
    <title> tag (sites write "notice title - site name") wins, else the first
    that holds a notice word, else the longest piece of the <title> tag.
    """
    pieces = [p for p in _TITLE_SEP.split(head_title) if p]
    head_main = max(pieces, key=len) if pieces else ""
    first_worded = ""
    # only the selectors that can match: each one more in the list costs a test of every element
    query = ",".join(sel for sel in vocab.generic.get("title", ()) if classes.may_match(sel))
    for node in (tree.css(query) if query else [])[:MAX_TITLE_CANDIDATES]:
        heading = node.css_first(_HEADINGS) if node.tag not in ("h1", "h2", "h3", "h4") else None
        text = plain(heading if heading is not None else node)
        if not 4 <= len(text) <= 200:
            continue
        lowered = text.lower()
        if not any(w in lowered for w in vocab.title_words):
            continue
        if len(head_main) >= 4 and (
            head_main in text or (text in head_title and 2 * len(text) >= len(head_main))
        ):
            return text
        first_worded = first_worded or text
    return first_worded or head_main


_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_EN_DATE = r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"


@lru_cache(maxsize=1)
def _pub_date_re() -> re.Pattern[str]:
    vocab = html_vocab()
    labels = "|".join(re.escape(label) for label in vocab.pub_date_labels if label not in vocab.pub_date_bare_labels)
    # a generic label (日期, Date) stands alone: "合同签订日期", "首次公告日期" are other dates
    bare = "|".join(re.escape(label) for label in sorted(vocab.pub_date_bare_labels, key=longest_first))
    alone = rf"|(?<![\u4e00-\u9fffA-Za-z])(?<![A-Za-z] )(?:{bare})" if bare else ""
    # every match starts with a label's first character: said first, so re tests one class per position
    # instead of the look-behinds and the whole alternation (same matches)
    firsts = "".join(sorted({re.escape(label[0]) for label in vocab.pub_date_labels}))
    # a deadline's date ("报价截止日期", "開標日期") is not the publication date
    return re.compile(rf"(?=[{firsts}])(?<!截止)(?<!截至)(?<!开标)(?<!開標)(?<!结束)(?<!結束)(?:{labels}{alone})"
                      rf"\s*[：:]?\s*({_DATE}|{_EN_DATE})")


def pub_date_in_text(text: str) -> str:
    """Raw publication time from an info line near the top of the text."""
    m = _pub_date_re().search(text[:3000])
    return m.group(1).strip() if m else ""


def label_text(text: str) -> str:
    """``text`` without its trailing whitespace and colons (two str strips a round: a regex
    anchored at the end would be tried at every position)."""
    while True:
        stripped = text.rstrip().rstrip(":：")
        if len(stripped) == len(text):
            return stripped
        text = stripped


def _label_meta(tree: Any, vocab: HtmlVocab, meta: dict[str, str], seen: set[str], classes: PageClasses) -> None:
    """Fill meta from label/value cells: ``<td class=title>`` / ``<th>`` + next cell,
    and ``label：<u>value</u>`` cells (Shandong NoticeDetail). ``seen``: what
    :func:`mark_layout` found (no cell, no query); ``classes``: the page's :class:`PageClasses`."""
    if "td" not in seen and "th" not in seen:
        return
    if classes.has("title") and "td" in seen:
        label_cells = tree.css("td.title, th" if "th" in seen else "td.title")
    else:  # no td.title: the <th> from the tag index (cheaper than a selector query)
        label_cells = tree.tags("th") if "th" in seen else []
    for cell in label_cells:
        key = vocab.labels.get(label_text(plain(cell)))
        if key is None or key in meta:
            continue
        nxt = cell.next
        while nxt is not None and not nxt.is_element_node:
            nxt = nxt.next
        if nxt is not None and nxt.tag == "td" and "title" not in (nxt.attributes.get("class") or "").split():
            value = plain(nxt)
            if value:
                meta[key] = value
    if "u" not in seen or "td" not in seen:
        return
    labels: dict[int, str] = {}
    for u in tree.tags("u"):  # "td > u" from the tag index: cheaper than the selector query
        parent = u.parent
        if parent is None or parent.tag != "td":
            continue
        label = labels.get(parent.mem_id)
        if label is None:
            label = plain(parent)[:40].split("：", 1)[0].split(":", 1)[0].strip()
            labels[parent.mem_id] = label
        key = vocab.labels.get(label)
        value = plain(u)
        if key is not None and value:
            _add(meta, key, value)


def _add(meta: dict[str, str], key: str, value: str) -> None:
    """Add a value; repeated winners / amounts are joined with ``;``."""
    if key not in meta:
        meta[key] = value
    elif key in ("winner", "bid_amount") and value not in meta[key].split(";"):
        meta[key] += ";" + value


def _bookmark_meta(tree: Any, vocab: HtmlVocab, meta: dict[str, str], classes: PageClasses) -> None:
    # Only the classes some element has are queried: the usual page has none, and then no query runs.
    for cls, key in vocab.bookmarks.items():
        if not classes.has(cls):
            continue
        for node in tree.css("." + cls):
            value = plain(node)
            if value:
                if key in ("winner", "bid_amount"):
                    _add(meta, key, value)
                elif key not in meta:
                    meta[key] = value


def _strip_chrome(tree: Any, body: Any, vocab: HtmlVocab) -> None:
    """Remove page chrome in place. An element holding most of the page's text
    is never removed, whatever its class (some sites wrap the notice in ``div.top``)."""
    # The tag index tells which chrome tags the page has (cheaper than a selector query);
    # the query, in document order, then names only those.
    tags = [tag for tag in vocab.chrome_tags if tree.tags(tag)]
    doomed = list(body.css(",".join(tags))) if tags else []
    chrome = vocab.chrome_names
    for node in body.css("[class],[id]"):
        attrs = node.attributes
        ident = attrs.get("id")
        names = attrs.get("class")
        if (ident and ident in chrome) or (names and not chrome.isdisjoint(names.split())):
            doomed.append(node)
    full_len = len(plain(body)) if doomed else 0  # the page's text, measured only when needed
    for checked, node in enumerate(doomed):
        try:
            # Size check bounded: nested chrome candidates would make it quadratic.
            if checked < MAX_CHROME_CHECKS and len(plain(node)) > 0.5 * full_len:
                continue
            node.decompose()
        except Exception:  # already removed with an ancestor
            log.debug("chrome node already gone")


def _template_text(tree: Any, tpl: Template, classes: PageClasses) -> list[str] | None:
    """Summary then body text; ``None`` when the body is missing or empty
    (the page is then read as a generic page). Selectors naming a class no element has are not queried."""
    parts = [node_text(node) for sel in tpl.summary if classes.may_match(sel) for node in tree.css(sel)]
    body_nodes = [node for sel in tpl.body if classes.may_match(sel) for node in tree.css(sel)]
    body = [node_text(node) for node in body_nodes]
    if not any(body):
        return None
    body_ids = {b.mem_id for b in body_nodes}
    attachments = [
        node_text(node)
        for sel in tpl.attachments
        if classes.may_match(sel)
        for node in tree.css(sel)
        if not _inside(node, body_ids)  # already in the body text
    ]
    return parts + body + attachments


def _inside(node: Any, ancestor_ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ancestor_ids:
            return True
        parent = parent.parent
    return False


def extract_html(text: str, utf8: bytes | None = None) -> tuple[str, dict[str, str]]:
    """Parse decoded HTML; return ``(text, meta)``. ``utf8``: ``text`` encoded as
    UTF-8 if the caller has it (the parser reads UTF-8 bytes)."""
    check_html_depth(text)
    vocab = html_vocab()
    tree = LexborHTMLParser(utf8 if utf8 is not None else text)
    source = PageSource.of(tree)
    meta: dict[str, str] = {}
    classes = PageClasses(tree)
    tpl = next(
        (t for t in vocab.templates if classes.may_match(t.match) and tree.css_first(t.match) is not None), None
    )
    # Meta from <head> before it is dropped.
    listed = head_tags(tree)
    metas = _Metas(tree, listed, classes)
    article_title = _first(metas, ("meta[name=ArticleTitle]",))
    head_title = _first(metas, ("title",))
    head_date = _first(metas, vocab.generic.get("pub_date", ()))
    site = _first(metas, vocab.generic.get("site", ()))
    if site:
        meta["site"] = site
    url = _first(metas, vocab.generic.get("url", ()))
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    if tpl is None:
        title = article_title or _guess_title(tree, vocab, head_title, classes)
    scripts = [n.text(deep=True, separator="", strip=False) or "" for n in listed["script"]]
    seen = mark_layout(tree, source)
    _bookmark_meta(tree, vocab, meta, classes)
    _label_meta(tree, vocab, meta, seen, classes)
    metas = _Metas(tree, classes=classes)  # <head> is gone now
    parts: list[str] = []
    if tpl is not None:
        title = _first(metas, tpl.title) or article_title or head_title
        pub = _first(metas, tpl.pub_date) or head_date
        crumb = _first(metas, tpl.breadcrumb)
        body_parts = _template_text(tree, tpl, classes)
        if body_parts is not None:
            meta["template"] = tpl.name
            parts = [title, pub, *body_parts]
    else:
        pub = head_date
        crumb = _first(metas, vocab.generic.get("breadcrumb", ()))
    if not parts:
        title = title or article_title or head_title
        body = tree.body if tree.body is not None else tree.root
        _strip_chrome(tree, body, vocab)
        parts = [node_text(body)]
        if title and title not in parts[0][:2000]:
            parts.insert(0, title)
    out = "\n".join(p for p in parts if p)
    if len(out) - len(title) < MIN_PAGE_TEXT and scripts:
        # Nearly empty page: the notice may be rendered by JavaScript from a string in a <script>.
        from_js = script_strings(scripts, lambda h: extract_html(h)[0])
        if from_js:
            meta["from_script"] = "true"
            out = "\n".join(p for p in (out, from_js) if p)
    if title:
        meta["title"] = title
    if head_title and head_title != title:  # "Notice of Award - … | Lion Rock Institute of Higher Education"
        meta["page_title"] = head_title
    pub = pub or meta.get("pub_date", "") or pub_date_in_text(out)
    if pub:
        meta["pub_date"] = pub
    if crumb:
        meta["notice_type_hint"] = crumb
    return normalize_newlines(out), meta


def read_html_bytes(data: bytes, charset: str | None = None) -> tuple[str, str, dict[str, str]]:
    """Decode and extract; return ``(text, encoding, meta)``. ``charset``: one declared outside
    the page (HTTP header); it is tried before the page's own <meta> declaration, and either is
    used only if it decodes cleanly."""
    decoded, encoding = decode_bytes(data, (charset, declared_charset(data)))
    text, meta = extract_html(decoded, data if encoding == "utf-8" else None)
    return text, encoding, meta
