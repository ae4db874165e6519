"""Evidence that a line of scraped text is not article body, and of what kind.

Everything here looks at the wording and shape of one line (UI vocabulary, date/username
patterns, credit lines, embed chrome); :mod:`newsfuse.extract.text` combines it with the line's
position and with corpus evidence.  No rule names an outlet: the vocabulary is what page chrome
says on any site (share, subscribe, reply, all rights reserved ...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from newsfuse.model import RemovalReason

# ---------------------------------------------------------------- dates and times

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_ORD = r"(?:st|nd|rd|th)?"
# Absolute dates as news pages write them; each alternative must contain a year so that a bare
# "January 9" is never taken as a full date.
DATE_RE = re.compile(
    rf"\b(?:{MONTHS}\.?\s+\d{{1,2}}{_ORD},?\s+(?:\d{{4}}|'\d\d)"  # January 13, 2020 / Jan. 13 2020
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{MONTHS}\.?,?\s+\d{{4}}"  # 13 January 2020 / 13th of Jan 2020
    rf"|{MONTHS}\.?\s+\d{{4}}"  # January 2020
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2020-01-13
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))\b",  # 01/13/2020, 13.01.2020, 01/13/08
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[ecmp][sd]t|bst|cet))?\b", re.I)
_RELATIVE_TIME_RE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|\b(?:today|yesterday)\b", re.I
)
_DIGIT_RE = re.compile(r"\d")
_WEEKDAY_RE = re.compile(rf"\b{WEEKDAYS}\b\.?", re.I)
# Words that go with a date in a dateline/timestamp and carry no other information.
_DATE_FILLER_RE = re.compile(
    r"\b(?:on|at|posted|published|updated|last|modified|created|date|time|am|pm|gmt|utc|est|edt|"
    r"pst|pdt|bst|cet|of|the|and|in|by|\d+)\b|[|@:,.\-–—/()\[\]·•]",
    re.I,
)


def has_date(text: str) -> bool:
    return DATE_RE.search(text) is not None


def is_timestamp(text: str) -> bool:
    """A line that is (nearly) only a date and/or time: a dateline or a comment's timestamp."""
    if len(text) > 80:
        return False
    if not _DIGIT_RE.search(text) and not _RELATIVE_TIME_RE.search(text):
        return False
    if not (DATE_RE.search(text) or TIME_RE.search(text) or _RELATIVE_TIME_RE.search(text)):
        return False
    rest = DATE_RE.sub(" ", text)
    rest = TIME_RE.sub(" ", rest)
    rest = _RELATIVE_TIME_RE.sub(" ", rest)
    rest = _WEEKDAY_RE.sub(" ", rest)
    rest = _DATE_FILLER_RE.sub(" ", rest)
    return len(rest.split()) <= 1


# ---------------------------------------------------------------- comment threads

# Headers and widgets that open a reader-comment section.  Matched against whole short lines.
_COMMENT_HEADER_RE = re.compile(
    r"^(?:\d+\s+|no\s+)?(?:(?:reader|user|latest|recent|most recent|most popular|top|community|article|readers'?"
    r"|your|all|display|hide|show)\s+)*"
    r"(?:comments?|responses?|replies|talkbacks?|reactions?)(?:\s*\(\s*\d+\s*\))?(?:\s+(?:of\s+)?\d+)?"
    # "Comments on this story", "Reactions to this article", "Comments: 12"
    r"(?:\s+(?:on|about|to|for)\s+this\s+(?:story|article|post|entry|blog|report|item))?(?:\s*:\s*\d+)?\s*[:»>]*$"
    r"|^comments? (?:for|on) this (?:story|article|post|entry) (?:are|is|have been) (?:now )?closed"
    r"|^(?:showing|displaying)\s+(?:comments?\s+)?\d+\s*[-–]\s*\d+\s+of\s+\d+(?:\s+comments?)?$"
    r"|^\d+ (?:people|readers|users) (?:have )?commented|^you are (?:commenting|posting) as\b"
    r"|^(?:readers?'?|your) (?:views|feedback|say|opinions)$|^readers (?:respond|react|write)$"
    r"|^comment\(s\)"
    r"|^(?:\d+\s+)?comments?\s+(?:posted|so far|\(\d+\))"
    r"|^(?:post|add|leave|write|submit|place|share|enter|send)\s+(?:a\s+|your\s+|new\s+|an?\s+)?(?:own\s+)?"
    r"(?:comment|reply|response|opinion|thoughts|views)"
    r"|^(?:to\s+)?(?:have|had) your say|^(?:join|start) the (?:discussion|conversation|debate)"
    r"|^what do you think\??$|^talkback\b|^discuss this (?:article|story|post|topic)"
    r"|^(?:view|read|show|see|showing)\s+(?:all\s+)?(?:\d+\s+)?comments|^showing comments"
    r"|^read all \d+ comments|^comments? (?:are|is|have been) (?:now )?(?:closed|disabled|moderated)"
    r"|^this (?:article|story|post|entry) has no comments|^be the first to comment"
    r"|^newest most voted|^notify of$|^inline feedbacks$|^oldest newest|^sort by:? (?:newest|oldest|best|top)"
    r"|^(?:\d+|no) (?:responses?|replies|comments?) to\b|^(?:\d+|no) comments? yet"
    r"|^(?:log ?in|sign ?in|register)(?:\s+or\s+(?:register|sign ?up|log ?in|sign ?in))?\s+to\s+(?:post|comment|reply)"
    r"|^you must be logged in to post a comment"
    r"|^your (?:thoughts|views|comments) on\b|^click here to comment"
    # a forum page's call: "We will aim to publish as many of your views as we can."
    r"|^we(?:'ll|\s+will)?\s+(?:aim|try)?\s*(?:to\s+)?publish\s+(?:as\s+many\s+of\s+|a\s+selection\s+of\s+|some\s+of\s+)?your\s+(?:views|comments|emails)"
    r"|^(?:do you have|any) (?:comments?|thoughts|views|an opinion) (?:on|about) this (?:story|article|post)"
    r"|^your email address will not be published|^required fields are marked|^cancel reply$"
    r"|^comments?\s+from\s+(?:our\s+)?(?:readers|users|viewers|listeners)\b|^talk\s+back$"
    r"|^what (?:our\s+)?(?:readers|users|viewers|you)(?:'re|\s+are)?\s+(?:saying|said)$"
    r"|^discussion\s*\(\s*\d+(?:\s+comments?)?\s*\)$|^comment (?:now|here)$|^(?:posted|recent|newest|oldest) comments$"
    r"|^sort comments\b|^comments? (?:now )?closed$",
    re.I,
)
# The site's disclaimer at the head of its thread ("Views expressed in the comments do not represent
# those of the Daily Post.", "Comments are the opinions of their authors"), and the note that closes
# a thread ("This discussion is now closed."): a scraper that drops the commenters' names and dates
# leaves these as the only sign that the prose after them is readers', not the article's.  The line
# itself is the site's furniture (it often names the site), not a reader's comment.
_CLOSED_NOTE = r"this\s+(?:discussion|conversation|thread|debate)\s+(?:is|has\s+been)\s+(?:now\s+)?closed"
_COMMENT_DISCLAIMER_RE = re.compile(
    r"^(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in|by)\s+(?:the\s+|these\s+|our\s+|readers'?\s+|reader\s+)?"
    r"(?:comments?|commenters|posts|readers|forums?)\b"
    r"|^(?:reader\s+)?comments?\s+(?:are|reflect|represent)\s+(?:solely\s+|only\s+)?(?:the\s+)?(?:views|opinions)\s+of\b"
    r"|^"
    + _CLOSED_NOTE
    + r"|^(?:the\s+)?(?:views|opinions|comments)\s+(?:expressed\s+)?below\s+(?:are|do|reflect|represent)\b",
    re.I,
)
# The note that a thread is closed, glued to the end of the line before the thread (a forum page's
# introduction: "… advice on how to prevent its spread This debate is now closed.").  Standing alone
# it is a comment-section marker (:func:`comment_header`); glued after the last comment it closes a
# thread that opened above it, so the thread's earlier markers have ended the search before it.
GLUED_CLOSED_NOTE_RE = re.compile(r"\S\s+" + _CLOSED_NOTE + r"\.?\s*$", re.IGNORECASE)
# A comment's signature or one of its per-comment widgets.
_COMMENT_SIGNATURE_RE = re.compile(
    r"^(?:comment(?:ed)?|posted|submitted|written)\s+(?:by|on)\b.{0,120}"
    r"|^(?:\d+\.\s*)?by\s+\S.{0,60}\s+(?:on|at)\s+.*\d"
    r"|^[^\"“”.!?]{1,60}\s(?:says|said|wrote|writes)\s*(?::|…)\s*$"
    r"|^recommended by \d+ (?:people|readers|users)$|^\d+ (?:people|readers|users) recommend(?:ed)? this$"
    r"|^reply(?:\s+to\b.*)?$|^(?:quote\s*\|\s*)?report (?:this )?(?:post|abuse|comment)|^report$"
    r"|^report (?:as )?(?:abusive|inappropriate|offensive)|^flag (?:as|this)\b|^alert (?:a )?moderators?$"
    r"|^(?:like|reply|share|flag|permalink)(?:\s*[|·•]\s*(?:like|reply|share|flag|permalink|report))+$"
    r"|^link to this$|^inappropriate\?|^recommend(?:ed)?(?:\s*\(\d+\))?$|^\d+\s+(?:likes?|points?|votes?)$"
    r"|^(?:upvote|downvote)(?:\s+(?:upvote|downvote))*$|^comment no\.?\s*\d+",
    re.I,
)


# Rules for commenters: boilerplate wherever it stands (often in a sidebar above the article).
_COMMENT_POLICY_RE = re.compile(
    r"^(?:discussion|comment|commenting|community) (?:policy|guidelines|rules)"
    r"|^comments (?:that|which) (?:include|contain)|^comments (?:are|will be|may be) (?:moderated|reviewed)"
    r"|^(?:some )?comments (?:posted here )?may be (?:reviewed|moderated)"
    r"|^we (?:welcome|encourage|invite|value) (?:your |reader |readers'? )?comments\b",
    re.I,
)


def comment_policy(text: str) -> bool:
    return _COMMENT_POLICY_RE.match(text.strip()) is not None


COMMENT_DISCLAIMER = "comment-section disclaimer"


def comment_header(text: str) -> str | None:
    """Detail string when the line opens a comment section, else None (:data:`COMMENT_DISCLAIMER`
    for the site's disclaimer heading its thread)."""
    if len(text) > 120:
        return None
    t = text.strip(" .:-–—|»>[]+•*")  # also a list bullet: "• Discuss this story on the … message board"
    if _COMMENT_HEADER_RE.match(t):
        return "comment-section header"
    if _COMMENT_DISCLAIMER_RE.match(t):
        return COMMENT_DISCLAIMER
    return None


# A comment's signature glued inside a line: scrapers that split pages into sentences run a
# thread's comments together ("... at all !!! January 27, 2011 at 7:59 pm | Report abuse | I don't
# ...").  "Report abuse" between bars, or a date with a clock time closed by a bar, is never
# article text.
_INLINE_SIGNATURE_RE = re.compile(
    rf"\|\s*report (?:abuse|comment)\s*\||\|\s*report as abusive\b|^posted by\s+\S{{1,40}}\s*\|\s*report\b|(?:{MONTHS}\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    r"[^|.!?]{0,25}?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[ecmp][sd]t\s*)?\|"
    r"|(?:^|\s)at\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|",
    re.I,
)


# A chat or comment entry: a line opening with a full date and a clock time ("-- June 02, 2010
# 2:18 PM Ooh!"), or a commenter and a time ("high_al at 3:42 pm: ...", "At 11:12 am on 28 May
# 2010, James wrote:", "At 01:20 24th Mar 2010, Tanya wrote:").  A live blog's "2:30 pm ET - ..." has no date and is not matched.
_CHAT_ENTRY_RE = re.compile(
    # (not a wire page's time stamp before its dateline: "Sat Apr 25, 2009 12:51 am BST (Reuters) -")
    rf"^(?!.{{0,60}}\([A-Z][\w .&-]{{1,30}}\)\s*[-–—])(?:--\s*)?(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?"
    rf"(?:{MONTHS}\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}|\d{{1,2}}{_ORD}\s+{MONTHS}\.?,?\s+\d{{4}})[;,]?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?(?:\s*[ECMP][SD]T\b)?\s+(?=[A-Za-z\"“])"
    r"|^[\w.-]{2,30}\s+at\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*:"
    # (a date and a user name of up to ~35 characters: "26th Apr 2009, MrWonderfulReality")
    rf"|^at\s+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?\s+(?:on\s+)?.{{0,55}}\bwrote\s*:",
    re.I,
)


def inline_comment_signature(text: str) -> bool:
    """A comment signature ("date at time | Report abuse |") anywhere in the line, or a line that
    opens as a chat or comment entry."""
    # Cheap gates first: every signature form has a bar, every chat entry a clock time early on.
    if "|" in text and _INLINE_SIGNATURE_RE.search(text) is not None:
        return True
    head = text[:80]
    return ":" in head and _CHAT_ENTRY_RE.match(text.strip()) is not None


# Blogger's "name said..." entry head (the general strip above would eat its dots).
_SAID_ELLIPSIS_RE = re.compile(r"^[^\"“”.!?]{1,60}\s(?:says|said|wrote|writes)\s*\.\.\.$", re.I)
_SIGNATURE_BYLINE_RE = re.compile(r"^(?:comment(?:ed)?|posted|submitted|written)\s+(?:by|on)\b", re.I)


# "Jane Roe • 2 hours ago", "jroe | March 4, 2021 at 8:15 pm": a name and a timestamp on one line.
_NAME_STAMP_SPLIT_RE = re.compile(r"\s+[•·|—–-]\s+|\s+@\s+")


def comment_signature(text: str) -> str | None:
    """Detail string when the line is a comment's author/date signature or a per-comment widget."""
    if len(text) > 160:
        return None
    t = text.strip(" .-–—|»>")
    if _DIGIT_RE.search(t) or " ago" in t:
        parts = _NAME_STAMP_SPLIT_RE.split(t, maxsplit=1)
        if len(parts) == 2 and len(t.split()) <= 12 and username_like(parts[0]) and is_timestamp(parts[1]):
            return "comment signature (username and timestamp)"
        # "jsmith, 3:10 p.m. on January 12, 2008": a name, a comma and a clock time.  The clock time is
        # what makes it a comment's: a dateline ("KELBROOK, January 11, 2008") has none.
        name, comma, stamp = t.partition(", ")
        if (
            comma
            and len(t.split()) <= 12
            and TIME_RE.search(stamp)
            and username_like(name)
            and _names_someone(name)  # "Fri Dec 28, 7:05 AM ET" is a page's stamp
            and is_timestamp(stamp)
        ):
            return "comment signature (name, clock time)"
    if text.rstrip().endswith("...") and _SAID_ELLIPSIS_RE.match(text.strip()):
        return "comment signature/widget (username, date, Reply)"  # "harbourfan said..."
    if _COMMENT_SIGNATURE_RE.match(t):
        if _SIGNATURE_BYLINE_RE.match(t) and not (has_date(t) or TIME_RE.search(t) or _RELATIVE_TIME_RE.search(t)):
            return None  # "Posted by Jane" alone is as likely the article's byline
        return "comment signature/widget (username, date, Reply)"
    return None


_MONTH_WORD_RE = re.compile(rf"\b{MONTHS}\b\.?", re.I)


def _names_someone(text: str) -> bool:
    """Some word of the text is neither a weekday, a month, a number nor a stamp's filler."""
    return bool(_DATE_FILLER_RE.sub(" ", _WEEKDAY_RE.sub(" ", _MONTH_WORD_RE.sub(" ", text))).split())


_NAME_TOKEN_RE = re.compile(r"^[\w@.'’&=\-]+$", re.UNICODE)


def username_like(text: str) -> bool:
    """Short line that could be a commenter's name or handle (no sentence punctuation)."""
    ws = text.split()
    if not 1 <= len(ws) <= 5 or len(text) > 48:
        return False
    if text.rstrip()[-1:] in ".!?:;," or has_date(text):
        return False
    return sum(1 for w in ws if _NAME_TOKEN_RE.match(w)) >= len(ws) - 1


# ---------------------------------------------------------------- embeds

# Social-media embed chrome: "— Name (@handle) January 13, 2020" (a quoted tweet's signature).
EMBED_CHROME_RE = re.compile(
    rf"[—–-]\s*[^()\n—–]{{1,60}}?\s*\(@\w{{1,30}}\)\s*{MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}", re.I
)
_EMBED_LINE_RE = re.compile(
    r"pic\.twitter\.com/|^a post shared by\b|^view this post on instagram|^watch on youtube$"
    r"|^(?:embedded|embed) (?:video|tweet)|^\(@\w+\)",
    re.I,
)


# ---------------------------------------------------------------- UI vocabulary

_PROMO_STRONG_RE = re.compile(
    r"\b(?:support (?:the|us|our)\b.{0,40}\b(?:on patreon|from as little|today|now|by)|on patreon\b"
    r"|help us grow|subscribe (?:to|now|today|for)|sign up (?:for|to|now)|donate (?:now|today|to)|make a donation"
    r"|please (?:click|share|consider|support|donate)|click the share buttons|forward this article"
    r"|crosspost on your|become a (?:member|subscriber|patron|supporter)|it only takes a minute"
    r"|(?:follow|like|join) us on\b|never miss (?:a|the|another)|get (?:our|the) (?:free )?newsletter"
    r"|download (?:our|the) app|stay connected with|the only support that makes"
    r"|on our (?:facebook|twitter|telegram|instagram|youtube|linkedin)(?: page| channel| account)?"
    r"|(?:follow|find|join) (?:us|me) on|listen (?:live|now|again)\b|watch (?:live|now)\b|tap here\b|click here to (?!comment)"
    r"|(?:email|e-mail) (?:this|to a friend)|share this (?:article|story|post)|tip jar)",
    re.I,
)
# A donation appeal tells the reader how to give: "You can donate via the DEC website or by telephoning
# 0370 60 60 900."  A news sentence about an appeal ("the appeal has raised £30m in donations") gives
# no number to call and no site to visit.
APPEAL_MAX_WORDS = 40
_GIVE_HOW_RE = re.compile(
    r"\bdonat\w*\b.{0,80}(?:\b(?:tele)?phon\w*\b|\bcall(?:ing)?\b|\btext(?:ing)?\b|\bwebsite\b|\bwww\.|\bonline at\b)"
    r"[^.]{0,60}?(?:\d[\d ]{6,}\d|www\.|\.(?:org|com|co\.uk)\b|\bwebsite\b)",
    re.I,
)
# Or it tells the reader to give in the imperative, or how or where they can: "Text GIVE to 70077 to
# donate £5 to the appeal", "You can find details of how to donate on the charity's website", "For safe
# ways to donate, contact one of the following charities".  News of people giving ("urged the public to
# donate", "people continue to donate") neither commands the reader nor says how.
_GIVE_READER_RE = re.compile(
    r"^(?:Text|Call|Phone|Ring|Visit|Contact|Give|Donate|Go to|Log on to)\b.{0,100}\bdonat"
    r"|\b(?:you can|how to|ways to|where to)\s+(?:\w+\s+){0,3}?donat\w*\b.{0,100}"
    r"\b(?:website|online|contact|call|text|phone|charit\w*|appeal)\b",
    re.I,
)
_PROMO_WEAK_RE = re.compile(
    r"\b(?:subscribe|subscription|newsletter|donate|donation|patreon|paypal|share|tweet|facebook|twitter"
    r"|linkedin|whatsapp|pinterest|reddit|digg|del\.icio\.us|stumbleupon|newsvine|technorati|bookmark|rss"
    r"|feeds?|e-?mail|print(?:able)?|advertis(?:e|ement|ements|ing|er)|sponsored|promoted|sign up|log ?in"
    r"|sign ?in|register|members?|account|alerts?|podcasts?|app|download|contact us|contact|feedback|buy|shop"
    r"|offers?|deals?|coupons?|free trial|learn more|click here|more info)\b",
    re.I,
)
# Disclaimer phrases strong enough to mark even a long, sentence-like paragraph.
_DISCLAIMER_STRONG_RE = re.compile(
    r"^\W*disclaimer\b|\bviews (?:and opinions )?expressed\b.{0,120}\bnot necessarily\b"
    # An opinion piece's closing note: "The opinions expressed in this commentary are solely those of Jo Roe."
    r"|^\W*(?:the )?(?:opinions|views) expressed (?:in (?:this|the) \w+ )?are (?:solely )?(?:those of\b|(?:his|her|their)"
    r" own\b|the author'?s'? own\b)"
    r"|\bsole responsibility of the author|\bfair use\b|\bgrants permission to (?:cross-post|republish|reprint)"
    r"|\bcontains copyrighted material|\ball rights reserved\b|\bmay not be (?:published|reproduced|republished|"
    r"redistributed|rewritten)|\breproduction in whole or in part|\brepublication or redistribution",
    re.I,
)
# Site-policy links: boilerplate in any short line, even one that reads like a sentence.
_SITE_POLICY_RE = re.compile(r"\bterms (?:of use|and conditions|of service)\b|\bprivacy (?:policy|statement)\b", re.I)
_DISCLAIMER_RE = re.compile(
    r"\b(?:disclaimer|views (?:and opinions )?expressed|(?:do|does) not necessarily (?:reflect|represent)"
    r"|sole responsibility of the author|fair use|all rights reserved|terms (?:of use|and conditions|of service)"
    r"|privacy (?:policy|statement|notice)|cookie (?:policy|settings)|copyright|may not be (?:published|reproduced"
    r"|republished|redistributed|rewritten)|reproduction in whole or in part|republication or redistribution"
    r"|without (?:the )?(?:prior )?(?:written )?permission|our standards|editorial (?:policy|standards)"
    r"|affiliate (?:links?|commission)|grants permission to cross-post)\b|©|\(c\)\s*\d{4}",
    re.I,
)
_CAPTION_RE = re.compile(
    r"^(?:photo|image|picture|file photo|pictured|photograph|caption|graphic|video)\s*(?:\d+\s*)?[:|]"
    r"|\b(?:photo|image|picture|photograph)s?\s*(?:credit)?\s*:\s*[A-Z]"  # "... on Monday. Photo: Jo Roe / Courier"
    r"|click (?:to|here to) (?:see|view|enlarge|zoom)|\bfull-size image\b|^enlarge (?:this )?(?:image|photo)"
    r"|\((?:photo|image|picture|file)\b[^)]*\)\s*$",
    re.I,
)
# Photo credits: an agency after a slash, "Getty Images", "AP Photo", "File", "via Reuters/...".
_CREDIT_RE = re.compile(
    r"(?:\bgetty(?: images)?\b|\bap photo\b|\bafp photo\b|\breuters photo\b|\bphoto credit\b|\bphotograph:|"
    r"\bshutterstock\b|\bwikimedia\b|\bcreative commons\b|\bfile photo\b|\bimage source\b|"
    r"/\s*(?:reuters|afp|ap|getty|epa|ansa|tass|sputnik|anadolu|xinhua|file)\b|\bvia (?:reuters|afp|ap|getty|epa)\b|"
    r"^file\b|\bphoto(?:s|graph)? (?:by|courtesy|credit|source)\b|\bcourtesy of\b|"
    # an agency before its photographer and the source, the slashes perhaps escaped by the scraper
    # ("Reuters\/Jo Roe\/Handout"; one slash is a poll's or an index's name, "a Reuters/Ipsos poll"), and a
    # credit line's own label ("Credit: …")
    r"\b(?:reuters|afp|epa)\s*\\?/\s*[\w.'’ -]{2,40}\\?/|^credit:\s)",
    re.I,
)
_NAV_RE = re.compile(
    r"^(?:home(?:page)?|menu|main menu|search|go|submit|back(?: to top)?|top(?: of page)?|next|previous|prev|more"
    r"|skip to .*|you are here:?.*|categor(?:y|ies)\s*:.*|tags?\s*:.*|tagged(?: with)?\s*:?.*|filed (?:under|in):?.*"
    r"|region:.*|theme:.*|topics?:.*|sections?:.*|articles by:?.*|listed under:.*|keywords?:.*|more (?:in|on)\s*:.*"
    r"|print|email|share|login|log in|logout|register|sign in|sign up|contact(?: us)?|about(?: us)?|site ?map|faq"
    r"|(?:like|share) this|spread the word|related|loading"
    r"|page \d+(?: of \d+)?|\d+\s*next|font size.*|text size.*|close|open|toggle.*|loading\.*|advertisement"
    r"|sponsored(?: content| links)?|ads? by .*|continue reading.*|read more.*|view (?:gallery|slideshow|photos?)"
    r"|previous (?:post|article|story)|next (?:post|article|story).*|permalink|edit|in ,?|by|posted in.*|print this.*"
    r"|this entry was (?:posted|tagged).*|trackback.*)\s*[»>:]*$",
    re.I,
)
_TECH_NOTICE_RE = re.compile(
    r"\b(?:requires? (?:that )?javascript|enable javascript|javascript (?:is )?(?:disabled|required|enabled)"
    r"|flash (?:plug-?in|player)|your browser (?:does not|doesn't) support|upgrade your browser"
    r"|(?:this|our) (?:site|website) uses cookies)\b",
    re.I,
)
# "Headline (33)" / "Headline [more]": items of most-read / most-commented lists.
_COUNTED_ITEM_RE = re.compile(r"(?:\(\d+\)|\[\s*more\s*\]|\bmore\s*»)\s*$", re.I)
_CRUMB_CHAR_RE = re.compile(r"[>»›/|]")
_CRUMB_SPLIT_RE = re.compile(r"\s*(?:>|»|›|/|\|)\s*")
_RELATED_HEADER_RE = re.compile(
    r"^(?:related\b.*|more (?:from|on|in|about|stories|news|articles|headlines|videos?)\b.*|see also\b.*"
    r"|read (?:more|also|next)\b.*|also (?:read|see|in this section)\b.*|you (?:may|might) (?:also )?(?:like|enjoy)\b.*"
    r"|recommended\b.*|most (?:popular|read|viewed|emailed|e-mailed|commented|shared)\b.*|top (?:stories|news)\b.*"
    r"|latest (?:news|stories|headlines|articles|videos?)\b.*|further reading\b.*|trending\b.*|popular\b.*"
    r"|(?:what's|what is) (?:hot|new|popular)\b.*|editor'?s picks?\b.*|in other news\b.*|news tracker\b.*"
    r"|elsewhere on\b.*|around the web\b.*|from (?:around )?the web\b.*|other (?:stories|news|articles)\b.*)$",
    re.I,
)


def related_header(text: str) -> bool:
    return len(text) <= 80 and _RELATED_HEADER_RE.match(text.strip(" :»>|-–—")) is not None


# Literal fragments one of which must occur (in the lowercased line) for the pattern to match:
# a substring test is ~50x cheaper than a regex search, and most lines contain none of them.
_GATE_EMBED = ("pic.twitter", "a post shared", "instagram", "youtube", "embed", "(@")
_GATE_CAPTION = (
    "photo",
    "image",
    "picture",
    "pictured",
    "caption",
    "graphic",
    "video",
    "click",
    "full-size",
    "enlarge",
    "file",
)
_GATE_CREDIT = (
    "credit:",
    "getty",
    "photo",
    "afp",
    "reuters",
    "shutterstock",
    "wikimedia",
    "creative commons",
    "image source",
    "/",
    "via ",
    "file",
    "courtesy",
)
_GATE_DISCLAIMER = (
    "disclaimer",
    "expressed",
    "not necessarily",
    "responsib",
    "fair use",
    "rights reserved",
    "terms",
    "privacy",
    "cookie",
    "copyright",
    "may not be",
    "reproduction",
    "republication",
    "permission",
    "standards",
    "editorial",
    "affiliate",
    "©",
    "(c)",
)
_GATE_PROMO = (
    "support",
    "help us",
    "subscri",
    "sign up",
    "donat",
    "please",
    "share",
    "forward",
    "crosspost",
    "become a",
    "only takes",
    "follow",
    "like us",
    "join us",
    "never miss",
    "newsletter",
    "download",
    "stay connected",
    "on our ",
    "email",
    "e-mail",
    "tip jar",
    "find us",
    "find me",
    "patreon",
    "listen",
    "watch",
    "tap here",
    "click here",
)
_GATE_TECH = ("javascript", "flash", "browser", "cookies")


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """An alternation of literals as a prefix trie ("sign up|signature" -> "sign(?: up|ature)"):
    Python's re engine tries a flat alternation branch by branch, a trie shares the prefixes."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _gate(fragments: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_trie_pattern(list(fragments)))


# Read-only lookup table (no module-level mutable state: workers share nothing).
_GATES: Mapping[tuple[str, ...], re.Pattern[str]] = MappingProxyType(
    {g: _gate(g) for g in (_GATE_EMBED, _GATE_CAPTION, _GATE_CREDIT, _GATE_DISCLAIMER, _GATE_PROMO, _GATE_TECH)}
)


# Any fragment of any gate: most lines have none, and one search then skips all gated patterns.
_ANY_GATE = _gate(tuple(sorted({f for g in _GATES for f in g}, key=len, reverse=True)))


def _has(low: str, fragments: tuple[str, ...]) -> bool:
    return _GATES[fragments].search(low) is not None


def might_have_credit(text: str) -> bool:
    """Cheap pre-test for :func:`credit_like` on a long paragraph."""
    return _has(text.lower(), _GATE_CREDIT)


def credit_like(text: str, max_words: int = 18) -> bool:
    """A photo credit line (or a short line / caption sentence carrying one)."""
    return len(text.split()) <= max_words and _has(text.lower(), _GATE_CREDIT) and _CREDIT_RE.search(text) is not None


# Wire-service credit lines closing an article: "(Reporting by A; Editing by B)", "Writing by A",
# "Additional reporting by A and B", "Compiled by the desk".  Only the whole line counts, and only a
# short one: a body sentence that happens to say "reporting by the BBC" is no credit.
_WIRE_CREDIT_RE = re.compile(
    r"^[(\[]?\s*(?:(?:additional|further|extra)\s+)?(?:reporting|writing|written|editing|edited|compiled|"
    r"translated|translation|research|produced|graphics?)\s+by\b[^.!?]*[)\]]?\.?$",
    re.I,
)
WIRE_CREDIT_MAX_WORDS = 30
# The bracketed credit closes a wire story, so what a scraper ran on after it on the same line is the
# page's (the site's product adverts, its comment policy): "(Reporting by A; Editing by B) An
# ultra-low latency infrastructure for electronic trading ...".
_BRACKETED_WIRE_CREDIT_RE = re.compile(
    # after at most two other bracketed notes: "(ID: nN07395987) (Reporting by …)", "(For the full text …) (…"
    r"^(?:[(\[][^()\[\]]{0,120}[)\]]\s*){0,2}[(\[]\s*(?:(?:additional|further|extra)\s+)?(?:reporting|writing|written|editing|edited|compiled)\s+by\b"
    r"[^()\[\]]{0,300}[)\]]",
    re.I,
)
# Words of run-on furniture a bracketed credit takes with it (a whole next article is not run-on).
CREDIT_RUN_ON_MAX_WORDS = 120
# "CNN's Jane Roe contributed to this report.", "The Associated Press contributed to this story."
_CONTRIBUTION_RE = re.compile(
    r"^.{0,500}?\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b[^.!?]{0,60}[.!]?\s*$",
    re.I,
)


def wire_credit(text: str) -> bool:
    """A whole line that credits the wire's reporters and editors."""
    t = text.strip()
    n = len(t.split())
    if n <= WIRE_CREDIT_MAX_WORDS and _WIRE_CREDIT_RE.match(t) is not None:
        return True
    if t[:1] in "([" and n <= WIRE_CREDIT_MAX_WORDS + CREDIT_RUN_ON_MAX_WORDS and _BRACKETED_WIRE_CREDIT_RE.match(t):
        return True
    # A list of contributing reporters and their places can be long.
    return n <= 3 * WIRE_CREDIT_MAX_WORDS and "contribut" in t and _CONTRIBUTION_RE.match(t) is not None


# A caption that opens with its photo credit ("Jane Roe/Getty Images for CNN A protester waves a
# flag"): scrapers glue the credit to the caption text.
_LEADING_CREDIT_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){0,4}[A-Z][\w.'’-]+\s*(?:\\?/|\|)\s*(?:Getty Images|AFP|Reuters|AP|EPA|Corbis|Bloomberg|"
    r"Pool|Xinhua|Anadolu|Sipa|Rex|Shutterstock|AFP/Getty Images)\b"
)


def caption_with_credit(text: str) -> bool:
    return ("/" in text or "|" in text) and _LEADING_CREDIT_RE.match(text.strip()) is not None


# A wire photo's credit in brackets, as scrapers of photo galleries keep it after its caption and so
# before the next caption or the lead: "... in Kelbrook, Monday, July 19, 2031. (AP Photo/Jane Roe)
# (Jane Roe - AP) A worker walks ...", "(AP Photo) (AP) A display shows ...".
PHOTO_CREDIT_FIRST_RE = re.compile(
    r"^\((?:AP|AFP|Reuters|EPA|[A-Z][\w&.-]{1,20}) Photo(?:\s*\\?/\s*[^()]{1,60})?\)"
    r"(?:\s*\((?:[^()]{1,50}?\s[-–]\s)?(?:AP|AFP|Reuters|EPA|Getty Images|Bloomberg)\))?"
)
# A weekday and a full date as a caption writes them, an apposition after the scene ("... in
# Tokyo, Thursday, Oct. 16, 2031."), not a page's time stamp ("Tuesday, May 4, 2031; 5:00 PM").
_WEEKDAY_DATE_RE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b(?!\s*[;|]|\s+\d{1,2}[:.]\d{2})"
)
# Reporting writes a dated day after a preposition ("on Friday, March 24, 1989"); a caption does not.
_DATE_LEAD_INS = frozenset(
    "on in at for since until till by before after from to between of and through during that as".split()
)
# A sentence that reports (someone said) is no caption, whatever its date.
_REPORTING_RE = re.compile(r"\b(?:said|says|told|according|announced|reported)\b")
# A dateline or a page stamp makes a paragraph a lead, even after a photo credit.
_LEAD_MARK_RE = re.compile(r"\s--\s|\((?:AP|AFP|Reuters|CNN)\)\s*[-–—]|\b\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\b")
CAPTION_MAX_WORDS = 60  # the longest wire captions run to about 50 words
# After its date a caption says at most where and why ("..., in Washington.", "..., to testify before
# the House subcommittee on energy."); a longer run is another sentence glued on.
CAPTION_TAIL_WORDS = 25


def has_weekday_date(text: str) -> bool:
    """Whether ``text`` names a weekday with a full date (cheap pre-test for :func:`dated_caption`)."""
    return "day" in text and _WEEKDAY_DATE_RE.search(text) is not None


def dated_caption(text: str) -> bool:
    """A photo caption told as a scene with its weekday and full date near its end ("Workers lay
    boom around an island in Kelbrook, Wednesday, July 21, 2031."), perhaps after the previous
    photo's bracketed credit; not a dated sentence of reporting ("... struck rocks on Sunday,
    April 27, 2031", "..., the board said Tuesday, May 4, 2031"), nor a lead after a page stamp."""
    if len(text.split()) > CAPTION_MAX_WORDS or _LEAD_MARK_RE.search(text):
        return False
    m = _WEEKDAY_DATE_RE.search(text)
    if m is None:
        return False
    before = text[: m.start()].split()
    after = text[m.end() :]
    return (
        bool(before)
        and before[-1].lower().strip(",") not in _DATE_LEAD_INS
        and len(after.split()) <= CAPTION_TAIL_WORDS
        and "Photo" not in after
        and not _REPORTING_RE.search(text)
    )


# A site's contact footer: "Letters for publication should be sent to: letters@paper.example",
# "To contact the news desk email desk@paper.example or phone …", "If you need help using the site: …",
# "Call the main switchboard: …".  An address with contact wording, or the footer's own phrases;
# a reported sentence ("…, the council said") is news, whatever address it gives.
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CONTACT_WORDS_RE = re.compile(
    r"\b(?:sent to|send (?:your|us|letters|comments)|contact|e-?mail|write to|letters?|feedback|help|news ?desk|tips?)\b",
    re.I,
)
_CONTACT_PHRASE_RE = re.compile(
    r"\bswitchboard\b|\bif you (?:need help|are writing a comment|have a (?:question|complaint) about)\b", re.I
)
CONTACT_MAX_WORDS = 40  # a footer line of addresses and phone numbers; longer is prose
# A call for readers' comments, stories or pictures and its publishing terms ("Send us your comments
# using the form below", "A selection of your comments may be published", "The paper may edit your
# comments"): a page's form, not reporting.
_READER_CALL_RE = re.compile(
    r"\bsend us your (?:comments|experiences|views|stories|pictures|photos)\b"
    r"|\byour comments (?:may|will) be (?:published|edited)\b|\bmay edit your comments\b"
    r"|\ba selection of your comments\b",
    re.I,
)
READER_CALL_MAX_WORDS = 60  # the call and its terms, glued into one line by the scraper
# A call for readers' feedback on a feature: "Thoughts, comments, suggestions or criticisms about the
# Live Q&As?", "Comments or suggestions about this page?".
_FEEDBACK_CALL_RE = re.compile(
    r"\b(?:thoughts|comments|questions|feedback|suggestions)(?:,\s*(?:thoughts|comments|questions|suggestions))*,?"
    r"\s+(?:or|and)\s+(?:criticisms|suggestions|complaints|comments|questions)\s+(?:about|on|for)\b[^.!]{0,80}\?",
    re.I,
)
# A page template's placeholder the scraper caught unrendered ("BACK {current} of {total} NEXT"):
# prose has no braces around a bare word.
_PLACEHOLDER_RE = re.compile(r"\{[a-z_]{2,20}\}")
PLACEHOLDER_MAX_WORDS = 25  # a widget's line; a long paragraph with one slip keeps its prose


# The words before an address that make it a footer's ("… should be sent to:", "To contact the desk email").
_CONTACT_LEAD_RE = re.compile(r"\b(?:sent to|send|contact|e-?mail|write to)\b", re.I)
FOOTER_MAX_WORDS = 150  # a site footer glued to the last paragraph: addresses, switchboard, "published on"


def contact_footer_start(text: str) -> int | None:
    """Where a site's contact footer glued to the end of a paragraph starts: at the capitalised word
    that opens the clause leading to an e-mail address ("… Quarterly | Letters for publication should
    be sent to: letters@paper.example If you need help …"), when the clause has contact wording and
    at most :data:`FOOTER_MAX_WORDS` words follow; else None."""
    m = _EMAIL_RE.search(text)
    if m is None:
        return None
    before = list(re.finditer(r"\S+", text[: m.start()]))[-10:]
    start = None
    for tok in reversed(before):
        w = tok.group(0)
        if w[:1].isupper():
            start = tok.start()
            break
        if not (w[:1].islower() or w in (":", "-", "–")):
            return None
    if start is None or not _CONTACT_LEAD_RE.search(text, start, m.start()) or _REPORTING_RE.search(text, start):
        return None
    if len(text[start:].split()) > FOOTER_MAX_WORDS:
        return None
    return start


def contact_footer(text: str) -> bool:
    """A site's contact footer sentence or line (see above)."""
    if len(text.split()) > CONTACT_MAX_WORDS or _REPORTING_RE.search(text):
        return False
    if "@" in text and _EMAIL_RE.search(text) and _CONTACT_WORDS_RE.search(text):
        return True
    return _CONTACT_PHRASE_RE.search(text) is not None


# "* Reuters is not responsible for the content in this press release."
_NOT_RESPONSIBLE_RE = re.compile(
    r"\bis not responsible for the content\b|\bnot (?:be )?(?:held )?responsible for (?:the )?content of external", re.I
)
# An imperative pointing elsewhere and ending on "here": "View this week's showcase here.",
# "Watch the full interview here", "Read our guide here".
_POINTER_RE = re.compile(
    r"^(?:view|watch|see|read|listen(?: to)?|find out more|find out|click|download|explore|browse|send|email|e-mail|"
    r"get|sign|follow|subscribe)\b[^.!?]{0,90}\b(?:here|below|online)\s*[.!:]?\s*$",
    re.I,
)


# A caption names its picture: "Fire boats battle the blaze, in this handout photograph taken on April 21",
# "In this image made from video released by BP, equipment is seen …", "FILE - In this June 1, 2010 file
# photo, workers collect oil …".  "In this" and at most five words (a date, "undated", "handout", "file",
# "aerial") before the picture's noun, and after it what a caption says of the picture (who took, made or
# released it, a comma), never "of": "In this picture of politics as a Pilgrim's Progress" is prose.
_IN_THIS_PICTURE_RE = re.compile(
    r"\bin this\s+(?:[\w.,'’-]+\s+){0,5}?(?:photo|photograph|image|picture|frame grab|video grab)s?\b"
    r"(?=\s*(?:[,.]|$)|\s*(?:taken|made|released|provided|obtained|from|shows|showing|by|distributed|posted"
    r"|issued|courtesy|dated)\b)",
    re.I,
)
# An invitation to watch or hear a programme at its air time: "Watch Fareed Zakaria GPS Sundays at 10am
# and 1pm ET.", "Join us again next Sunday morning, 11:00 a.m. Eastern, for …", "See all this and more,
# live at 9pmET.", "Tune in week nights at 2200 CET".  A live blog's "(Update 7 p.m. Cairo, Noon ET)" is
# no air time.
_AIR_TIME_PROMO_RE = re.compile(
    r"^(?:watch|see|catch|tune in|join us|listen)\b[^!?]{0,140}?"
    r"(?:\b\d{1,2}(?:[:.]\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)\s?(?:ET|EST|EDT|PT|PST|CT|CST|CDT|GMT|BST|CET|Eastern|Pacific)\b"
    r"|\bat\s+\d{1,2}(?:[:.]\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)(?![\w.])|\bat\s+\d{4}\s?(?:GMT|CET|BST|ET)\b)",
    re.I,
)
AIR_TIME_PROMO_MAX_WORDS = 40


# A gallery caption closes on its photo agency in brackets; reporting names its sources in words.
_AGENCY_CREDIT_END_RE = re.compile(r"\s\((?:AP|AFP|Reuters|EPA|Getty Images|AP Photo|Reuters Photo)\)\.?$")
# A broadcaster's transcript page opens with the programme's topics, its air time and a warning that
# the copy is unchecked: "Topic one; Topic two Aired January 25, 2011 - 16:00:00 ET THIS IS A RUSH
# TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM ...".  The warning is written in capitals.
_RUSH_TRANSCRIPT_RE = re.compile(r"\bTHIS IS A RUSH TRANSCRIPT\b|\bTHIS COPY MAY NOT BE IN ITS FINAL FORM\b")
TRANSCRIPT_HEADER_MAX_WORDS = 80


def boilerplate_reason(text: str, n_words: int, sentence_like: bool) -> tuple[RemovalReason, str] | None:
    """Explicit evidence in the wording of one line; None when the line says nothing of the kind.

    Long, sentence-like lines are judged only by strong phrases (a body sentence may well mention
    Facebook or copyright); short lines by any UI word.
    """
    t = text.strip()
    low = t.lower()
    if n_words <= WIRE_CREDIT_MAX_WORDS + CREDIT_RUN_ON_MAX_WORDS and wire_credit(t):
        return "other", "wire credit line (reporting/editing by, contributed to this report)"
    if n_words <= 60 and caption_with_credit(t):
        return "caption", "caption opening with its photo credit"
    if n_words <= PLACEHOLDER_MAX_WORDS and "{" in t and _PLACEHOLDER_RE.search(t):
        return "navigation", "unrendered page template ('{current} of {total}')"
    if n_words <= READER_CALL_MAX_WORDS and "your" in low and _READER_CALL_RE.search(t):
        return "promo", "call for readers' comments or pictures (and its publishing terms)"
    if n_words <= READER_CALL_MAX_WORDS and "?" in t and _FEEDBACK_CALL_RE.search(t):
        return "promo", "call for readers' feedback on the page"
    if n_words <= CONTACT_MAX_WORDS and ("@" in t or "switchboard" in low or "if you" in low) and contact_footer(t):
        return "other", "site contact footer (addresses for letters, help, the news desk)"
    if n_words <= CAPTION_MAX_WORDS and t.endswith((").", ")")) and _AGENCY_CREDIT_END_RE.search(t):
        return "caption", "photo caption ending with its agency's credit ('… near Venice, La. (AP).')"
    if n_words <= CAPTION_MAX_WORDS and "day" in low and dated_caption(t):
        return "caption", "photo caption (a scene with its weekday and full date)"
    if (
        n_words <= CAPTION_MAX_WORDS
        and "in this" in low
        and _IN_THIS_PICTURE_RE.search(t)
        and not _REPORTING_RE.search(t)
    ):
        return "caption", "photo caption naming its picture ('… in this handout photo', 'In this image taken …')"
    if n_words <= AIR_TIME_PROMO_MAX_WORDS and "update" not in low and _AIR_TIME_PROMO_RE.match(t):
        return "promo", "invitation to watch a programme at its air time ('Watch … Sundays at 10am ET')"
    if n_words <= TRANSCRIPT_HEADER_MAX_WORDS and "TRANSCRIPT" in t and _RUSH_TRANSCRIPT_RE.search(t):
        return "disclaimer", "broadcast transcript header (programme topics, air time, 'rush transcript')"
    if n_words <= 40 and "responsible" in low and _NOT_RESPONSIBLE_RE.search(t):
        return "disclaimer", "disclaimer (not responsible for the content)"
    if n_words <= 20 and low.rstrip(" .!:").endswith(("here", "below", "online")) and _POINTER_RE.match(t):
        return "promo", "pointer to other content ('view/watch/read ... here')"
    gated = _ANY_GATE.search(low) is not None
    if gated and _has(low, _GATE_EMBED) and (_EMBED_LINE_RE.search(t) or (EMBED_CHROME_RE.search(t) and n_words <= 20)):
        return "embed", "social-media embed chrome"
    if gated and n_words <= 30 and _has(low, _GATE_CAPTION) and _CAPTION_RE.search(t):
        return "caption", "caption/photo wording"
    if gated and not sentence_like and credit_like(t):
        return "caption", "photo credit"
    if (
        gated
        and _has(low, _GATE_DISCLAIMER)
        and (
            _DISCLAIMER_STRONG_RE.search(t)
            or (not sentence_like and _DISCLAIMER_RE.search(t))
            or (n_words <= 15 and _SITE_POLICY_RE.search(t))
        )
    ):
        return "disclaimer", "disclaimer/copyright wording"
    if gated and _has(low, _GATE_PROMO) and _PROMO_STRONG_RE.search(t):
        return "promo", "share/subscribe/support prompt"
    if n_words <= APPEAL_MAX_WORDS and "donat" in low and (_GIVE_HOW_RE.search(t) or _GIVE_READER_RE.search(t)):
        return "promo", "donation appeal (how to give: a telephone number, a website)"
    if gated and _has(low, _GATE_TECH) and _TECH_NOTICE_RE.search(t):
        return "other", "browser/site technical notice"
    if n_words <= 15 and low.endswith((")", "]", "»", "more")) and _COUNTED_ITEM_RE.search(t):
        return "related", "list item with a count (most read/commented lists)"
    if n_words <= 10 and not sentence_like:
        if _NAV_RE.match(t):
            return "navigation", "navigation/UI label"
        if related_header(t):
            return "related", "related-content header"
        parts = [p for p in _CRUMB_SPLIT_RE.split(t) if p] if _CRUMB_CHAR_RE.search(t) else []
        if len(parts) >= 3 and not is_timestamp(t) and all(len(p.split()) <= 4 for p in parts):
            return "navigation", "breadcrumb/menu separators"
        weak = _PROMO_WEAK_RE.findall(t)
        if weak and len(weak) * 3 >= n_words:
            return "promo", "UI vocabulary (" + ", ".join(sorted({w.lower() for w in weak})[:3]) + ")"
    elif n_words <= 25 and not sentence_like:
        weak = _PROMO_WEAK_RE.findall(t)
        if len(weak) >= 3 and len(weak) * 3 >= n_words:
            return "promo", "UI vocabulary (" + ", ".join(sorted({w.lower() for w in weak})[:3]) + ")"
    return None
