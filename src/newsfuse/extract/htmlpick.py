"""Choosing title, date and author among the candidates a page offers (general rules, no per-site lists).

Titles: the headline shown on the page is usually the ``<h1>``; ``og:title`` / ``<title>`` often add
the site name ("Headline | Site") or a section.  So site-name segments are stripped from the
declared titles, and an ``<h1>`` that agrees with one of them wins; an ``<h1>`` that agrees with
none (a logo, "Menu") is ignored in favour of the declared title.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from newsfuse.extract.htmlmeta import PageMeta
from newsfuse.text import fold, normalize_space

# Separators between a headline and a site/section name in <title> and og:title.
_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::|·|»|«|/|•)\s+|\s*\|\s*")
_TRAILING_SEP = re.compile(r"\s*(?:\||–|—|-|::|·|»|«|/|•)\s*$")
_LEADING_SEP = re.compile(r"^\s*(?:\||–|—|-|::|·|»|«|/|•)\s*")
_TOKEN = re.compile(r"\w+")
# A site name is short; a longer segment is part of the headline.
_MAX_SITE_TOKENS = 5
# Fewer words than this in an h1 that matches no declared title: a logo or a section label.
_MIN_HEADLINE_TOKENS = 3
# Words of page furniture: an h1 holding one of them ("Open Menu", "Contact Us") is not a headline
# unless it matches a declared title.
_UI_WORDS = frozenset(
    {"menu", "contact", "follow", "subscribe", "login", "signup", "newsletter", "cart", "website", "homepage"}
)
# Generic labels of a host name that say nothing about the site.
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "io", "blog", "news", "m", "amp"})


def toks(s: str | None) -> list[str]:
    return _TOKEN.findall(fold(s or ""))


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return 0 < n <= len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def is_site_name(segment: str, site_names: list[str], host: str | None) -> bool:
    """Whether a title segment names the site: equals a declared site name or matches the host name."""
    t = toks(segment)
    if not t or len(t) > _MAX_SITE_TOKENS:
        return False
    for name in site_names:
        if t == toks(name):
            return True
    if host:
        joined_host = "".join(toks(host))
        labels = {x for x in toks(host) if x not in _HOST_NOISE}
        joined = "".join(t)
        if len(joined) >= 3 and joined in joined_host:
            return True
        # Most of the segment's words appear in the host ("Rust Blog" on blog.rust-lang.org).
        hits = sum(1 for w in t if len(w) >= 3 and (w in labels or w in joined_host))
        if hits and hits * 2 >= len(t) and any(w in labels for w in t):
            return True
    return False


def strip_site_name(title: str, site_names: list[str], host: str | None) -> str:
    """Remove leading/trailing segments that name the site ("Headline | Site" -> "Headline")."""
    title = normalize_space(html.unescape(title))
    for _ in range(3):  # "Headline - Section - Site" style titles need a few passes
        parts = _SEPARATOR.split(title)
        if len(parts) < 2:
            break
        if is_site_name(parts[-1], site_names, host):
            title = _TRAILING_SEP.sub("", title[: title.rfind(parts[-1])].rstrip())
        elif is_site_name(parts[0], site_names, host):
            title = _LEADING_SEP.sub("", title[len(parts[0]) :].lstrip())
        else:
            break
    return title.strip()


def pick_title(meta: PageMeta, extractor_title: str | None, extractor_site: str | None, url: str | None) -> str | None:
    host = host_of(url)
    sites = [s for s in (meta.site_name, extractor_site) if s]
    refs: list[str] = []
    for cand in (meta.og_title, meta.ld_headline, meta.twitter_title, meta.title_tag, extractor_title):
        if cand:
            stripped = strip_site_name(cand, sites, host)
            if stripped and stripped not in refs:
                refs.append(stripped)
    ref_toks = [toks(r) for r in refs]
    h1s = [normalize_space(html.unescape(h)) for h in meta.h1]
    h1s = [h for h in h1s if toks(h) and not is_site_name(h, sites, host)]
    inside: str | None = None
    for h in h1s:
        ht = toks(h)
        for r, rt in zip(refs, ref_toks, strict=True):
            if ht == rt:
                return h
            if _contains(ht, rt) and len(rt) >= 3:
                return r  # the h1 carries extra words (a date line, the site)
            if inside is None and _contains(rt, ht) and len(ht) >= 3:
                inside = h
    if inside:
        return inside
    # No h1 agrees with the declared titles: the page's visible headline often differs from its
    # SEO title, so a sentence-like h1 still wins; one- or two-word h1s are logos and section labels.
    for h in h1s:
        if len(toks(h)) >= _MIN_HEADLINE_TOKENS and not set(toks(h)) & _UI_WORDS:
            return h
    if refs:
        return refs[0]
    return h1s[0] if h1s else None


# Words that end a byline's name part: a date or an update stamp glued to it by the page layout.
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_BYLINE_TAIL = re.compile(
    # An update stamp, a month followed by a day, or a full month name ending the field ("May" is
    # also a surname, so it only counts with a day after it).
    rf"\s+(?:(?:last\s+updated|updated|published|posted)\b.*|{_MONTH}\.?\s+\d.*"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)\s*$)",
    re.IGNORECASE,
)
# Credentials after a name ("MS", "RD", "Ph.D.", "CEPF®"): joined to the name, not listed as a person.
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]?\.?\s?){1,3}$|^[A-Z]{2,6}\W*$")
_BYLINE_HEAD = re.compile(r"^(?:by|author|written\s+by|posted\s+by)\s*:?\s+", re.IGNORECASE)
# Parts of an author field that are labels or date fragments, not names.
_NOT_A_NAME = frozenset({"name", "author", "the author", "admin", "staff", "by", "dec", "august", "editor"})


def _clean_name(name: str) -> str | None:
    name = normalize_space(html.unescape(name))
    name = _BYLINE_HEAD.sub("", name)
    name = _BYLINE_TAIL.sub("", name).strip(" ,;|-")
    if not toks(name) or fold(name) in _NOT_A_NAME or name.startswith(("http://", "https://")):
        return None
    return name


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B, and C': how bylines write several names; credentials stay with their name."""
    merged: list[str] = []
    for n in names:
        if merged and _CREDENTIAL.match(n):
            merged[-1] += ", " + n
        else:
            merged.append(n)
    names = merged
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def pick_author(
    meta: PageMeta, extractor_author: str | None, extractor_site: str | None, url: str | None
) -> str | None:
    """trafilatura's byline, corrected with JSON-LD where it carries layout junk or cut a name apart."""
    host = host_of(url)
    sites = [s for s in (meta.site_name, extractor_site) if s]
    ours = [n for n in (_clean_name(p) for p in (extractor_author or "").split(";")) if n]
    ld = [n for n in (_clean_name(p) for p in meta.ld_authors) if n]
    if not ours:
        if ld:
            return join_names(ld)
        meta_author = _clean_name(meta.meta_author or "")
        return meta_author if meta_author and "@" not in meta_author else None
    if ld:
        ours_t = [toks(n) for n in ours]
        ld_t = [toks(n) for n in ld]
        flat_ours = [t for n in ours_t for t in n]
        flat_ld = [t for n in ld_t for t in n]
        if flat_ours != flat_ld:
            # The extractor's byline holds every JSON-LD name plus more (a job title, a stray
            # site name, a date): the JSON-LD names are the byline.
            if (
                all(any(_contains(o, lt) for o in ours_t) or _contains(flat_ours, lt) for lt in ld_t)
                and len(flat_ld) < len(flat_ours)
                and not all(is_site_name(n, sites, host) for n in ld)
            ):
                return join_names(ld)
            # The extractor cut one name into pieces ("Center; Research"): JSON-LD has it whole.
            if (
                len(ours) > 1
                and all(_contains(flat_ld, o) for o in ours_t)
                and len(flat_ld) > len(flat_ours)
                and len(ld) <= len(ours)
            ):
                return join_names(ld)
    kept = [n for n in ours if not is_site_name(n, sites, host)] or ours
    return join_names(kept)
