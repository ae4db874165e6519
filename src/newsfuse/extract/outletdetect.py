"""The outlet of an article from its own text, when no record field or URL names it.

Scraped news carries its publisher in a few conventional places, each a general convention of
the trade rather than a trait of one corpus; they are tried strongest first:

1. a wire **dateline** at the top of the story: "TRIPOLI, Libya (Reuters) -", "(CNN) --",
   "CAIRO (AP) —";
2. a **byline or credit** naming the outlet: "By the CNN Wire Staff", "CNN's Jane Roe contributed
   to this report", "By Jane Roe, Reuters";
3. the page's own **furniture** (promos, disclaimers, comment rules, site template lines removed
   by the cleaner): "Views expressed in the comments do not represent those of Reuters", "Sign up
   for e-mail alerts from FoxNews.com", "Your comments may be published on any BBC media";
4. the reporter's **self-references** in the body, when they all name one outlet: "told Reuters",
   "the BBC's correspondent", "in an interview with CNN".

A dateline agency in an article whose publisher is known otherwise (an AP story on a newspaper's
site) is the origin of the text, not its publisher: it is returned as the article's ``wire``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from newsfuse.extract.blocks import line_key
from newsfuse.extract.textmeta import outlet_from_filename, outlet_from_signatures, outlet_from_url
from newsfuse.model import Article, RawDocument, RemovedBlock
from newsfuse.outlets import KNOWN_OUTLETS, display_name, known_outlet, outlet_key

# Where a dateline can stand: the first paragraphs (a timestamp or a caption may precede it) and
# the first characters of each (a dateline opens the story; a wire page may put a summary of
# bullet points and an "Updates with ..." note before it).
DATELINE_PARAGRAPHS = 3
DATELINE_CHARS = 400
# Why the cleaning drops what a page put before the dateline (see :mod:`.dateline`): captions and
# highlights, which name other outlets ("speaks on the BBC's Andrew Marr Show") and are no evidence.
BEFORE_DATELINE = "before the wire dateline (highlights, byline, caption)"
# Body self-references that must agree before they name the outlet: one "told the BBC" in another
# outlet's article is a citation; the outlet's own reporters write it again and again.
MIN_SELF_REFERENCES = 2
SELF_REFERENCE_SHARE = 0.75

# Articles of one known outlet that must carry a template line before it names the outlet of an
# article that names none (one could be a syndicated page of another site).
MIN_TEMPLATE_WITNESSES = 3
# Share of those witnesses that must agree: one witness with a wrong outlet must not block the
# rest, two outlets sharing a template (a syndication partner's page) must.
TEMPLATE_AGREEMENT = 0.9
# Pages without an outlet that share template lines or furniture shapes form a site when this many
# carry a shared key (and the site has this many pages): fewer is a coincidence of two pages.
SITE_MIN_ARTICLES = 3
# Template lines shorter than this ("Advertisement", "Share") are common to every site.
MIN_TEMPLATE_CHARS = 40

_DASH = r"(?:--|-|–|—|:)"
# "(CNN) --" or "CAIRO (AP) —" or "TRIPOLI, Libya (Reuters) -": a capitalised name in parentheses
# followed by a dash.
_DATELINE_RE = re.compile(
    r"(?:^|(?<=[\s|]))(?P<place>[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}\s*)?"
    r"\((?P<name>[A-Z][A-Za-z.&'’ -]{0,38}[A-Za-z.])\)\s*" + _DASH + r"(?=\s)"
)
_STAFF_RE = re.compile(
    r"\b(?:By|Posted by|From) (?:the )?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z0-9][\w.&'’-]*){0,3}?)"
    r"(?: Wires?)? (?:Staff|Newsroom|News Desk|Desk)\b"
)
_BY_NAME_OUTLET_RE = re.compile(
    r"^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:\s*,\s*|\s+for\s+|\s+of\s+|\s*\()(?:the )?(?P<name>[A-Z][\w.&'’ -]{1,40}?)\)?\s*$"
)
# "From Ben Roe and Amir Doe, CNN" / "By Jane Roe, Reuters" opening the text (scrapers glue the
# byline to what follows, so only the known outlets' names end it safely).
_NAMES_THEN_OUTLET = r"^(?:By|From)\s+(?:[A-Z][\w.'’-]+\s?){1,4}(?:(?:,|,?\s+and)\s+(?:[A-Z][\w.'’-]+\s?){1,4}){0,3},\s+(?:the\s+)?(?P<name>{names})\b"
# "CNN's Jane Roe contributed to this report", also in parentheses, with the possessive of a name
# ending in s ("Fox News' Jane Roe"), and "Washington Post staff writer Jane Roe contributed ...".
_CREDIT_RE = re.compile(
    r"(?:^\(?|[.;]\s+\(?)(?:The )?(?P<name>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3}?)"
    r"(?:['’]s |(?<=s)['’] |(?: staff)? (?:writers?|correspondents?|reporters?) )(?:[A-Z][\w.'’-]+ ?){1,4}"
    r"(?:(?:,|,? and) (?:[A-Z][\w.'’-]+ ?){1,4}){0,3}(?:contributed|reported) (?:to|for|from) this (?:report|story|article)"
)


def _name_pattern() -> str:
    """Written forms of the known outlets safe to look for in running text: names as capitalised
    (not "independent", "guardian" in lower case) and hosts."""
    forms: set[str] = set()
    for name, aliases in KNOWN_OUTLETS.items():
        forms.add(re.escape(name))
        # a site writes its own name in capitals too ("FOX News covers ...", "FOX NEWS")
        words = name.removeprefix("The ").split()
        if any(not w.isupper() for w in words):
            forms.add(r"\s+".join(f"(?:{re.escape(w)}|{re.escape(w.upper())})" for w in words))
        if name.startswith("The "):  # running text writes "of the Guardian"
            forms.add(r"the\s+" + re.escape(name[4:]))
        for a in aliases:
            if "." in a:
                forms.add("(?i:" + re.escape(a) + ")")
            elif len(a) >= 4 and " " in a:
                forms.add(" ".join(w[:1].upper() + w[1:] for w in a.split(" ")).replace(" ", r"\s+"))
    # Names of one short word ("RT", "DW", "Fox", "Ria") are too ambiguous in running text.
    forms = {f for f in forms if len(f.replace("\\", "")) > 2 and f not in ("RT", "DW", "Fox", "Ria")}
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_NAMES = _name_pattern()
# The known outlets' names as written in text (a regular expression), for other extractors' rules.
KNOWN_NAME_PATTERN = _NAMES
_NAME_IN_TEXT_RE = re.compile(r"(?<![\w.])(?P<name>" + _NAMES + r")(?![\w])")
# "told the BBC" / "in an interview with CNN" are left out: other outlets cite such interviews (on the
# dev crawl a quarter of the outlets they named were wrong).
_SELF_REF_RE = re.compile(
    r"(?<![\w.])(?:the\s+)?(?P<b>" + _NAMES + r")['’]s\s+(?:own\s+)?(?:[a-z]+\s+){0,2}"
    r"(?:correspondent|reporter|editor|producer|team|crew)\b"
    r"|(?<![\w.])(?P<c>" + _NAMES + r")\s+(?:correspondent|reporter|producer)s?\s+[A-Z]"
    r"|(?<![\w.])(?:the\s+)?(?P<d>" + _NAMES + r")\s+(?:has\s+)?(?:learned|can\s+reveal|understands|obtained)\b"
    # "The BBC's Jane Roe in Portvale says ...", "The BBC's Jane Roe: ..." (a correspondent's piece)
    r"|(?:^|(?<=[.!?]\s))The\s+(?P<e>" + _NAMES + r")['’]s\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+"
    r"(?:\s+(?:in|at|on)\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)*)?(?::|\s+(?:says|reports|said|has|is|visited|spent))",
)
# Any mention of an outlet's own people ("a BBC correspondent in Santo Domingo said", "the BBC's Jane
# Roe", "Reuters reporters"): too weak to name an article's outlet (other outlets cite them too), enough
# to keep the house-style rule from ruling that outlet out (:mod:`.housestyle`).
_OWN_PEOPLE_RE = re.compile(
    r"(?<![\w.])(?P<n>" + _NAMES + r")(?:['’]s)?\s+(?:own\s+)?(?:[a-z]+\s+){0,2}"
    r"(?:correspondents?|reporters?|editors?|producers?|team|crew|journalists?)\b"
)


def staff_outlets(paragraphs: Iterable[str]) -> set[str]:
    """Keys of the known outlets whose own people the text mentions."""
    out: set[str] = set()
    for text in paragraphs:
        if not _names_something(text):
            continue
        for m in _OWN_PEOPLE_RE.finditer(text):
            name = known_outlet(m.group("n"))
            if name:
                out.add(outlet_key(name))
    return out


# Self-references that one suffices for: a reporter's sign-off opening a paragraph ("Matthew Roe,
# BBC News, Portvale", "Jane Roe, BBC correspondent, in Portvale"), and a source that "told" the
# site by its web address ("told FoxNews.com"): other outlets cite the broadcaster or paper by its
# name, a site names its own desk by its address.
_HOSTS = (
    "(?i:"
    + "|".join(sorted({re.escape(a) for al in KNOWN_OUTLETS.values() for a in al if "." in a}, key=len, reverse=True))
    + ")"
)
_STRONG_SELF_REF_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s){1,3}?[A-Z][\w'’-]+,\s+(?:the\s+)?(?P<s>" + _NAMES + r")(?:\s+News)?"
    r"(?:\s+(?:[a-z]+\s+){0,2}(?:correspondent|editor|reporter))?,\s+(?:in\s+|with\s+)?[A-Z]"
    r"|\b(?:told|to|with)\s+(?P<h>" + _HOSTS + r")(?![\w])"
)
_BYLINE_KNOWN_RE = re.compile(_NAMES_THEN_OUTLET.replace("{names}", _NAMES))
# A byline that names a known outlet anywhere: "By Jane Roe BBC News, Los Angeles".
_BYLINE_ANY_KNOWN_RE = re.compile(r"^(?:By|From|Posted by)\s[^.!?]{0,60}?(?<![\w.])(?P<name>" + _NAMES + r")(?![\w])")
# "By Jane Roe BBC Diplomatic Correspondent": a reporter's title that names a known outlet.
_BYLINE_ROLE_RE = re.compile(
    r"^By\s+(?:[A-Z][\w.'’-]+\s){1,3}(?:the\s+)?(?P<name>" + _NAMES + r")\s+(?:[A-Z][a-z]+\s+){0,2}"
    r"(?:Correspondent|Editor|Reporter|Producer|Analyst)\b"
)
_CREDIT_PHOTO_RE = re.compile(r"\bphoto|\bimage|\bpicture|getty|\bfile\b", re.I)
# Furniture that credits or lists *other* outlets: contribution credits ("The Associated Press
# contributed to this report"), data providers ("Market data provided by X"), and headline lists
# from other sites ("Oil closes in on Florida coast - 30 mins ago National Post").
_PIECE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_OTHERS_RE = re.compile(
    r"contribut|provided by|powered by|courtesy of|data (?:from|by)|delayed|\b\d+\s*(?:mins?|minutes?|hrs?|hours?|days?) ago\b"
    r"|according to|reported by|\bvia\b",
    re.I,
)


@dataclass(frozen=True)
class OutletEvidence:
    name: str  # display name (see newsfuse.outlets.display_name)
    kind: str  # dateline, byline, credit, furniture, self-reference
    text: str  # the words that say so

    @property
    def source(self) -> str:
        """The ``Article.outlet_source`` value."""
        return f"{self.kind}: {self.text[:80]}"


def _plausible_name(name: str) -> str | None:
    """A known outlet's display name, or the name itself when it reads like a publication name."""
    known = known_outlet(name)
    if known is not None:
        return known
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w in ("of", "the", "&") for w in words):
        return None
    return name.strip()


def wire_dateline(text: str) -> tuple[re.Match[str], str] | None:
    """The first wire dateline in ``text`` ("(CNN) --", "TRIPOLI, Libya (Reuters) -") and the outlet
    it names: a known outlet (or a desk of one), or any plausible name after an all-capitals place."""
    for m in _DATELINE_RE.finditer(text):
        raw = m.group("name").strip()
        # "(Reuters Health)", "(CNN Money)": a desk of a known outlet.
        known = known_outlet(raw) or (
            known_outlet(raw.split()[0]) if len(raw.split()) == 2 and len(raw.split()[0]) >= 3 else None
        )
        if known is None:
            # An unknown name counts only in the full form: an all-capitals place before it.
            place = (m.group("place") or "").strip(" ,")
            if not place or not place.split(",")[0].replace(" ", "").replace(".", "").isupper():
                continue
            if _CREDIT_PHOTO_RE.search(raw):
                continue
        name = known or _plausible_name(raw)
        if name:
            return m, name
    return None


def dateline_outlet(paragraphs: Sequence[str]) -> OutletEvidence | None:
    for text in paragraphs[:DATELINE_PARAGRAPHS]:
        found = wire_dateline(text[:DATELINE_CHARS])
        if found is not None:
            m, name = found
            return OutletEvidence(name, "dateline", m.group(0).strip())
    return None


def byline_outlet(texts: Iterable[str]) -> OutletEvidence | None:
    for text in texts:
        t = text.strip()
        if len(t) > 400:
            t = t[:400]
        for rx, kind in (
            (_STAFF_RE, "byline"),
            (_BYLINE_ANY_KNOWN_RE, "byline"),
            (_BY_NAME_OUTLET_RE, "byline"),
            (_BYLINE_KNOWN_RE, "byline"),
            (_BYLINE_ROLE_RE, "byline"),
            (_CREDIT_RE, "credit"),
        ):
            m = rx.search(t)
            if m:
                # Outside the "X Staff/Newsroom" form a one-word name is too often a person's.
                unknown_ok = rx is _STAFF_RE or (rx is _BY_NAME_OUTLET_RE and " " in m.group("name"))
                name = known_outlet(m.group("name")) or (_plausible_name(m.group("name")) if unknown_ok else None)
                if name:
                    return OutletEvidence(name, kind, m.group(0).strip())
    return None


def furniture_outlet(removed: Iterable[RemovedBlock]) -> OutletEvidence | None:
    """The known outlet the page's own furniture names most (captions and related-story lists
    are left out: they credit and cite other outlets; so are reader comments, which talk about them)."""
    votes: Counter[str] = Counter()
    first: dict[str, str] = {}
    for r in removed:
        if r.reason in ("caption", "related", "embed"):
            continue
        if r.reason == "comment" and "rules" not in r.detail:
            continue
        # A scraped line often joins several furniture sentences: each is judged on its own.
        for piece in _PIECE_RE.split(r.text[:1000]):
            if (_CREDIT_PHOTO_RE.search(piece) and r.reason != "disclaimer") or _OTHERS_RE.search(piece):
                continue
            names = {n for m in _NAME_IN_TEXT_RE.finditer(piece) if (n := known_outlet(m.group("name")))}
            if len(names) != 1:
                continue  # a line naming several outlets lists or compares them
            found = names.pop()
            votes[found] += 1
            first.setdefault(found, f"{r.reason}: {piece}")
    if not votes:
        return None
    top = votes.most_common(2)
    best, n_best = top[0]
    if len(top) > 1 and top[1][1] == n_best:
        return None  # two outlets named as often: no verdict
    return OutletEvidence(best, "furniture", first[best])


def _literal_names() -> tuple[str, ...]:
    """Plain strings one of which every name form of :data:`_NAMES` contains (a cheap pre-check)."""
    out: set[str] = set()
    for name, aliases in KNOWN_OUTLETS.items():
        out.add(name.removeprefix("The "))
        out.update(a for a in aliases if "." in a)
        out.update(" ".join(w[:1].upper() + w[1:] for w in a.split(" ")) for a in aliases if len(a) >= 4 and " " in a)
    return tuple(sorted({n.lower() for n in out}))


_LITERAL_NAMES = _literal_names()


def _names_something(text: str) -> bool:
    low = text.lower()  # names in capitals ("FOX News") and hosts in any case
    return any(n in low for n in _LITERAL_NAMES)


def self_reference_outlet(paragraphs: Iterable[str]) -> OutletEvidence | None:
    votes: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in paragraphs:
        if not _names_something(text):
            continue
        for rx, weight in ((_SELF_REF_RE, 1), (_STRONG_SELF_REF_RE, MIN_SELF_REFERENCES)):
            for m in rx.finditer(text):
                raw = next(g for g in m.groups() if g)
                name = known_outlet(raw)
                if name:
                    votes[name] += weight
                    first.setdefault(name, m.group(0))
    if not votes:
        return None
    best, n = votes.most_common(1)[0]
    if n < MIN_SELF_REFERENCES or n < SELF_REFERENCE_SHARE * sum(votes.values()):
        return None
    return OutletEvidence(best, "self-reference", first[best])


def wire_origin(outlet: str, paragraphs: Sequence[str]) -> str | None:
    """The agency of the article's dateline when it is not ``outlet``."""
    dateline = dateline_outlet(paragraphs)
    return dateline.name if dateline is not None and outlet_key(dateline.name) != outlet_key(outlet) else None


def resolve_outlet(
    doc: RawDocument, paragraphs: Sequence[str], removed: Sequence[RemovedBlock]
) -> tuple[str | None, str | None, str | None]:
    """(outlet display name, how it was found, wire agency) for one cleaned article.

    Strongest evidence first: the record's own field, the URL, a signature line ("original source",
    "support X", copyright), a byline or credit, the page furniture, the dateline, the reporter's
    self-references, a domain in the file name.  A dateline agency other than a publisher found
    by the stronger kinds is the wire origin of the text.
    """
    dateline = dateline_outlet(paragraphs) or dateline_outlet([r.text for r in removed[:4] if r.reason == "other"])
    publisher: tuple[str, str] | None = None
    if doc.outlet and doc.outlet.strip():
        publisher = (doc.outlet.strip(), "input")
    elif (host := outlet_from_url(doc.url)) is not None:
        publisher = (host, "url")
    else:
        furniture = [r for r in removed if r.detail != BEFORE_DATELINE]
        sig_texts = [r.text for r in furniture if r.reason in ("promo", "disclaimer", "other", "caption")]
        sig = outlet_from_signatures(sig_texts + list(paragraphs[-3:]))
        if sig is not None:
            publisher = (sig[0], "signature")
        else:
            credits = [r.text for r in furniture if r.detail.startswith("wire credit")]
            header = (
                [r.text for r in furniture if r.reason == "other"][:6]
                + credits
                + list(paragraphs[:3])
                + list(paragraphs[-3:])
            )
            found = byline_outlet(header) or furniture_outlet(furniture)
            if found is not None:
                publisher = (found.name, found.source)
    if publisher is not None:
        name, how = publisher
        wire = dateline.name if dateline is not None and outlet_key(dateline.name) != outlet_key(name) else None
        return display_name(name), how, wire
    if dateline is not None:
        return dateline.name, dateline.source, None
    ref = self_reference_outlet(paragraphs)
    if ref is not None:
        return ref.name, ref.source, None
    from_name = outlet_from_filename(doc.origin)
    if from_name:
        return display_name(from_name), "filename", None
    return None, None, None


# Furniture lines whose *shape* a site repeats with other names, dates and numbers in it: "Photograph:
# Jane Roe/AP", "Sunday 26 April 2009 11.25 BST", "LONDON | Tue Mar 15, 2011 1:48pm GMT", "The
# Associated Press contributed to this report."  Only removed furniture counts (never comments, whose
# signatures are the readers'), up to this length, and only shapes of at least SHAPE_MIN_TOKENS tokens
# with a name, date or number slot in them (a fixed line is a template line above).
SHAPE_MAX_CHARS = 120
SHAPE_MIN_TOKENS = 4
_SHAPE_REASONS = frozenset(("other", "caption", "navigation", "promo", "disclaimer"))
_SHAPE_TOKEN_RE = re.compile(r"\d+|[A-Za-z]+|[^\sA-Za-z\d]")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SLOTS = frozenset("0WMC")


def furniture_shape(text: str) -> str | None:
    """The shape of a furniture line: numbers, weekdays, months and capitalised names become slots,
    the first word, lower-case words, capitals ("BST", "AP") and punctuation stay; None when too
    short or without a slot."""
    out: list[str] = []
    for i, t in enumerate(_SHAPE_TOKEN_RE.findall(text[:80])):
        low = t.lower()
        if t.isdigit():
            slot = "0"
        elif low in _WEEKDAYS:
            slot = "W"
        elif low in _MONTHS:
            slot = "M"
        elif i == 0 or (t.isupper() and len(t) > 1) or not t[0].isupper():
            slot = t
        else:
            slot = "C"
        if not (slot == "C" and out and out[-1] == "C"):  # a name of several words is one slot
            out.append(slot)
    if len(out) < SHAPE_MIN_TOKENS or not any(t in _SLOTS for t in out[1:]):
        return None
    return "shape:" + " ".join(out)


def _shape_key(r: RemovedBlock) -> str | None:
    return furniture_shape(r.text) if r.reason in _SHAPE_REASONS and len(r.text) <= SHAPE_MAX_CHARS else None


def _template_keys(a: Article) -> set[str]:
    keys = {line_key(r.text) for r in a.removed if "repeated in" in r.detail and len(r.text) >= MIN_TEMPLATE_CHARS}
    keys.update(shape for r in a.removed if (shape := _shape_key(r)))
    return keys


def _key_of(r: RemovedBlock) -> set[str]:
    shape = _shape_key(r)
    return {line_key(r.text)} | ({shape} if shape else set())


def _witnesses(
    articles: Sequence[Article], keys_of: list[set[str]], names: dict[str, str]
) -> dict[str, dict[str, set[int]]]:
    """key -> outlet -> the articles of that outlet carrying it (``names`` gets each outlet's name)."""
    witnesses: dict[str, dict[str, set[int]]] = {}
    for i, (a, keys) in enumerate(zip(articles, keys_of, strict=True)):
        if a.outlet is None:
            continue
        k = outlet_key(a.outlet)
        names.setdefault(k, a.outlet)
        for key in keys:
            witnesses.setdefault(key, {}).setdefault(k, set()).add(i)
    return witnesses


def _line_votes(per_key: Iterable[dict[str, set[int]]]) -> Counter[str]:
    """Each shared line counts its witness articles."""
    votes: Counter[str] = Counter()
    for w in per_key:
        for k, arts in w.items():
            votes[k] += len(arts)
    return votes


def _article_votes(per_key: Iterable[dict[str, set[int]]]) -> Counter[str]:
    """Distinct witness articles per outlet, whatever number of keys they share."""
    seen: dict[str, set[int]] = {}
    for w in per_key:
        for k, arts in w.items():
            seen.setdefault(k, set()).update(arts)
    return Counter({k: len(v) for k, v in seen.items()})


def _decide(votes: Counter[str]) -> tuple[str, int] | None:
    if not votes:
        return None
    (k, n), total = votes.most_common(1)[0], sum(votes.values())
    return (k, n) if n >= MIN_TEMPLATE_WITNESSES and n >= TEMPLATE_AGREEMENT * total else None


def propagate_outlets(articles: Sequence[Article]) -> list[Article]:
    """Outlets for articles that name none, from the site template they share with articles that do.

    A page's template lines (teasers, comment rules, adverts: removed by the cleaner as repeated
    in otherwise different articles) are the site's, and so are the shapes of its furniture lines
    (:func:`furniture_shape`: its time stamps and photo credits); when every article of known outlet that
    carries one of an unknown article's template lines is of one outlet, and at least
    :data:`MIN_TEMPLATE_WITNESSES` of them are, the unknown article is that outlet's.
    """
    keys_of: list[set[str]] = [_template_keys(a) for a in articles]
    names: dict[str, str] = {}
    witnesses = _witnesses(articles, keys_of, names)
    out: list[Article] = []
    for a, keys in zip(articles, keys_of, strict=True):
        if a.outlet is None and keys:
            # Template lines first, each shared line a vote (several lines shared with the same few
            # pages are strong evidence); then furniture shapes, weaker, where the witnesses must
            # be distinct articles (one page's stamp and credit are one witness, not two).
            found = _decide(_line_votes([witnesses.get(key, {}) for key in keys if not key.startswith("shape:")]))
            how = "template shared with"
            if found is None:
                how = "furniture shaped like that of"
                found = _decide(_article_votes([witnesses.get(key, {}) for key in keys if key.startswith("shape:")]))
            if found is not None:
                k, n = found
                shown = next(r for r in a.removed if any(k in witnesses.get(x, {}) for x in _key_of(r) & keys))
                a = replace(a, outlet=names[k], outlet_source=f"{how} {n} articles of {names[k]}: {shown.text[:60]}")
        out.append(a)
    return _propagate_to_sites(out, keys_of, names)


def _propagate_to_sites(articles: list[Article], keys_of: list[set[str]], names: dict[str, str]) -> list[Article]:
    """Articles still without an outlet, grouped into sites by the template lines and furniture shapes
    they share (each shared by at least SITE_MIN_ARTICLES of them), take the outlet the witnesses of
    the whole group name: one page of a site rarely carries enough evidence, its site's pages together
    often do (same witness rules as for one article; the witnesses now include the articles the pass
    before gave an outlet)."""
    witnesses = _witnesses(articles, keys_of, names)
    unknown = [i for i, a in enumerate(articles) if a.outlet is None and keys_of[i]]
    carriers: dict[str, list[int]] = {}
    for i in unknown:
        for key in keys_of[i]:
            carriers.setdefault(key, []).append(i)
    parent = {i: i for i in unknown}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in carriers.values():
        if len(members) >= SITE_MIN_ARTICLES:
            for i in members[1:]:
                parent[find(i)] = find(members[0])
    sites: dict[int, list[int]] = {}
    for i in unknown:
        sites.setdefault(find(i), []).append(i)
    out = list(articles)
    for members in sites.values():
        if len(members) < SITE_MIN_ARTICLES:
            continue
        keys = set().union(*(keys_of[i] for i in members))
        found = _decide(_article_votes([witnesses.get(key, {}) for key in keys]))
        if found is None:
            continue
        k, n = found
        for i in members:
            out[i] = replace(
                articles[i],
                outlet=names[k],
                outlet_source=f"site of {len(members)} pages without an outlet, its furniture shared with {n} articles of {names[k]}",
            )
    return out


__all__ = [
    "BEFORE_DATELINE",
    "OutletEvidence",
    "dateline_outlet",
    "propagate_outlets",
    "resolve_outlet",
    "staff_outlets",
    "wire_dateline",
]
