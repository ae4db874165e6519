"""One name and one key per outlet, however the evidence wrote it.

An outlet reaches newsfuse as a record field ("CNN"), a URL host ("edition.cnn.com"), a dateline
("(CNN) --"), a byline ("By the CNN Wire Staff") or a signature ("© 2011 Cable News Network").
:func:`outlet_key` maps all of them to one key, which is what independent sources are counted by;
:func:`display_name` gives the name a reader sees.

Two rules, no corpus-specific lists:

- the names of widely syndicated outlets and news agencies (general news vocabulary, the ones
  whose datelines and bylines appear in other outlets' pages) map through :data:`KNOWN_OUTLETS`;
- any other name or host is reduced to its letters: the host's own label without the public
  suffix and "www."/"m."/"edition." prefixes, a name without a leading "The" and spaces, so
  ``kelbrook-courier.example`` and "The Kelbrook Courier" share the key ``kelbrookcourier``.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from urllib.parse import urlsplit

# Display name -> the other ways the outlet is written (lower case; hosts without "www.").
# Widely syndicated outlets and agencies only: the point is to join an agency's dateline form
# ("AP", "AFP") and its host with its name, which no spelling rule can do.
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "thomson reuters", "reuters.com", "reuters wire", "reuters staff"),
    "Associated Press": ("ap", "the associated press", "associated press", "apnews.com", "ap.org", "a.p."),
    "AFP": ("afp", "agence france-presse", "agence france presse", "afp.com"),
    "CNN": (
        "cnn",
        "cnn wire",
        "cnn wire staff",
        "cnn.com",
        "cable news network",
        "cnn international",
        "cnnmoney",
        "cnn money",
        "money.cnn.com",
    ),
    "BBC": ("bbc", "bbc news", "bbc.co.uk", "bbc.com", "british broadcasting corporation", "bbc world service"),
    # The Observer is the Guardian's Sunday paper, published on the same site.
    "The Guardian": ("guardian", "the guardian", "theguardian.com", "guardian.co.uk", "the observer", "observer"),
    "The Washington Post": ("washington post", "the washington post", "washingtonpost.com"),
    "The New York Times": ("new york times", "the new york times", "nytimes.com", "ny times"),
    "Fox News": ("fox news", "foxnews.com", "fox news channel", "fox news network", "fox"),
    "Al Jazeera": ("al jazeera", "aljazeera.com", "aljazeera.net", "al-jazeera"),
    "Bloomberg": ("bloomberg", "bloomberg news", "bloomberg.com"),
    "The Wall Street Journal": ("wall street journal", "the wall street journal", "wsj.com", "wsj"),
    "Los Angeles Times": ("los angeles times", "la times", "latimes.com"),
    "USA Today": ("usa today", "usatoday.com"),
    "NPR": ("npr", "npr.org", "national public radio"),
    "ABC News": ("abc news", "abcnews.go.com", "abcnews.com"),
    "CBS News": ("cbs news", "cbsnews.com"),
    "NBC News": ("nbc news", "nbcnews.com", "msnbc", "msnbc.com"),
    "Sky News": ("sky news", "news.sky.com", "sky.com"),
    "The Telegraph": ("telegraph", "the telegraph", "daily telegraph", "the daily telegraph", "telegraph.co.uk"),
    "The Independent": ("independent", "the independent", "independent.co.uk"),
    "Daily Mail": ("daily mail", "mail online", "dailymail.co.uk"),
    "Financial Times": ("financial times", "ft.com", "the financial times"),
    "Deutsche Welle": ("deutsche welle", "dw", "dw.com"),
    "France 24": ("france 24", "france24.com"),
    "Euronews": ("euronews", "euronews.com"),
    "Xinhua": ("xinhua", "xinhua news agency", "xinhuanet.com"),
    "TASS": ("tass", "itar-tass", "tass.com"),
    "RIA Novosti": ("ria novosti", "ria"),
    "Interfax": ("interfax",),
    "Anadolu Agency": ("anadolu", "anadolu agency", "aa.com.tr"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "EFE": ("efe",),
    "ANSA": ("ansa",),
    "Kyodo": ("kyodo", "kyodo news"),
    "Yonhap": ("yonhap",),
    "UPI": ("upi", "united press international"),
    "PA Media": ("press association", "pa media"),
    "RT": ("rt", "rt.com", "russia today"),
    "Sputnik": ("sputnik", "sputniknews.com"),
    "Politico": ("politico", "politico.com"),
}

# Second-level labels that belong to a country's public suffix ("co.uk", "com.au").
_SUFFIX_SECOND = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})
# Host prefixes that name a section or an edition, not the outlet.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "edition.", "rss.", "feeds.", "amp.", "uk.", "us.", "in.", "news.")
_HOST_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


def _host(value: str) -> str | None:
    """The host when ``value`` is a URL or a bare host name, else None."""
    v = value.strip().lower()
    if "//" in v:
        v = urlsplit(v).hostname or ""
    return v if v and " " not in v and _HOST_RE.match(v) else None


# Every written form -> display name; read-only (built once from the constant above).
_ALIASES = MappingProxyType(
    {alias: name for name, aliases in KNOWN_OUTLETS.items() for alias in (name.lower(), *aliases)}
)


def _site_label(host: str) -> str:
    """'edition.cnn.com' -> 'cnn', 'news.bbc.co.uk' -> 'bbc', 'kelbrook-courier.example' -> 'kelbrook-courier'."""
    for p in _HOST_PREFIXES:
        if host.startswith(p) and host.count(".") >= 2:
            host = host[len(p) :]
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SUFFIX_SECOND:
        labels = labels[:-2]
    elif len(labels) >= 2:
        labels = labels[:-1]
    return labels[-1] if labels else host


# Compiled once: known_outlet and outlet_key run for every article of every story (re's own
# pattern cache costs a lookup per call).
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def known_outlet(value: str | None) -> str | None:
    """The display name of a known outlet written in any of its forms, else None."""
    if not value:
        return None
    v = _SPACES.sub(" ", value.strip().lower()).strip(" .,;:")
    if v in _ALIASES:
        return _ALIASES[v]
    host = _host(v)
    if host is not None:
        bare = host.removeprefix("www.")
        if bare in _ALIASES:
            return _ALIASES[bare]
        # A section host of a known outlet ("uk.reuters.com", "news.bbc.co.uk").
        for alias, name in _ALIASES.items():
            if "." in alias and bare.endswith("." + alias):
                return name
        label = _site_label(host)
        return _ALIASES.get(label)
    return None


def outlet_key(value: str) -> str:
    """The key independent sources are counted by: one per outlet, whatever the form."""
    name = known_outlet(value)
    if name is not None:
        return _squash(_LEADING_THE.sub("", name.lower()))
    host = _host(value)
    text = _site_label(host) if host is not None else value.lower()
    text = _LEADING_THE.sub("", text.strip())
    text = text.removeprefix("the") if host is not None and len(text) > 6 else text
    return _squash(text) or value.strip().lower()


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def display_name(value: str) -> str:
    """The name shown to a reader: the known outlet's name, else the value as found."""
    return known_outlet(value) or value.strip()


__all__ = ["KNOWN_OUTLETS", "display_name", "known_outlet", "outlet_key"]
