"""Word lists the summariser uses to judge whether a sentence can stand alone as neutral fact.

All lists are lowercase and matched on whole tokens (or, for multi-word entries, on the
lowercased sentence text).  They are deliberately short and conservative: a false hit only
costs a candidate sentence, a miss can put a loaded label into a summary as fact.
"""

from __future__ import annotations

# Labels that take a side when used about a person, group or government.  A sentence using one
# outside quotation marks is a judgement, not a report, so it never enters a summary.
LOADED_LABELS: frozenset[str] = frozenset(
    """putschist putchist putschists strongman warlord warlords dictator dictators tyrant tyrants
    despot despots regime thug thugs terrorists jihadis jihadi jihadists islamists
    headchoppers mercenary mercenaries puppet puppets junta usurper usurpers traitor traitors
    criminals butcher butchers imperialism imperialist neo-ottoman zionist zionists
    illegitimate propaganda invaders occupiers rogue radicals fanatics""".split()
)

# Multi-word loaded phrases (matched as substrings of the lowercased sentence).
LOADED_PHRASES: tuple[str, ...] = (
    "coup d'état",
    "coup d'etat",
    "so-called",
    "self-styled",
    "self-proclaimed",
    "rebel commander",
)

# Words that mark a sentence as the writer's opinion rather than a report: the first person (outside
# quotes) and insults.  Reporters' hedges ("apparently", "clearly") are not here: they qualify facts.
OPINION_MARKERS: frozenset[str] = frozenset(
    """i i'm i've i'd i'll my me we we've we're we'll we'd us our ours you you're you've your pundits arguably undoubtedly hopefully shameful disgraceful
    pathetic ridiculous absurd stupid idiots idiot moron ludicrous outrageous laughable""".split()
)

# Sentence-initial pronouns/demonstratives that need an antecedent in the previous sentence.
DANGLING_STARTS: frozenset[str] = frozenset(
    """he she they it his her their its him them this these those that such latter former""".split()
)

# Dangling starts that are also adjectives: "Former president X said ..." names its subject, so
# these dangle only as bare pronouns, when a verb follows at once ("Former was ..."), like the
# quantifiers below.  (Kept in DANGLING_STARTS, which the cross-check also reads.)
ADJECTIVE_STARTS: frozenset[str] = frozenset({"former", "latter"})

# A quantifier standing for a noun of the previous sentence ("Most are staying with relatives",
# "Many were injured"): it dangles when a verb follows it at once ("Most residents are ..." does not).
BARE_QUANTIFIERS: frozenset[str] = frozenset("most many some several few both all others another".split())
BARE_QUANTIFIER_VERBS: frozenset[str] = frozenset(
    "are were is was have had has will would could can say said remain remained stay stayed".split()
)

# Relative time phrases that are meaningless without the article's date as an anchor.
UNANCHORED_TIME: tuple[str, ...] = (
    "this week",
    "last week",
    "next week",
    "this month",
    "earlier this week",
    "later this week",
    "the day before",
    "the following day",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "earlier this month",
    "last month",
    "next month",
)

# Leading connectives that only link to the previous sentence; removing them leaves a complete
# sentence ("But Haftar left" -> "Haftar left").  Removed only when a comma follows, except the
# ones in BARE_CONNECTIVES, which never start a self-contained clause ("So far" must stay).
CONNECTIVES: tuple[str, ...] = (
    "in the meantime",
    "at the same time",
    "on the other hand",
    "in addition",
    "as a result",
    "in the wake of this failure",
    "meanwhile",
    "however",
    "moreover",
    "furthermore",
    "additionally",
    "nevertheless",
    "nonetheless",
    "still",
    "also",
    "besides",
    "thus",
    "therefore",
    "and",
    "but",
    "so",
    "yet",
    "instead",
    "indeed",
    "first of all",
    "finally",
)
BARE_CONNECTIVES: frozenset[str] = frozenset({"but", "and", "meanwhile", "however", "moreover", "furthermore"})

# Page furniture that survives cleaning and must never be summarised.
BOILERPLATE_MARKERS: tuple[str, ...] = (
    "click",
    "subscribe",
    "sign up",
    "newsletter",
    "copyright",
    "all rights reserved",
    "follow us",
    "share this",
    "read more",
    "more on this blog",  # a blog page's related-links heading
    "skip to",  # page navigation ("Skip to a day of the week", "Skip to content")
    "more on this story",
    "support the",
    "patreon",
    "cookies",
    "advertisement",
    "reply to",
    "upvote",
    "comments",
    "photo:",
    "image:",
    "file photo",
    "reporting by",
    "editing by",
    "writing by",
    "(c)",
    "©",
    "http://",
    "https://",
    "www.",
    "](",  # markdown link: navigation that survived extraction
    "@",
)

# Attribution tails that can be cut from a headline without changing what it reports
# ("..., officials said." -> "...").  Only cut when the rest is still a full sentence.
ATTRIBUTION_VERBS: frozenset[str] = frozenset("said says told reported reports announced added stated".split())

# Irregular past forms that state an event (the regular ones end in -ed).  Used to tell "says the
# same thing" from "mentions the same people": a supporting sentence must share the predicate.
IRREGULAR_VERBS: frozenset[str] = frozenset(
    """left leave leaves met meet meets won win wins lost lose loses took take takes gave give gives
    made make makes held hold holds began begin begins fled flee flees shot shoot hit struck strike
    fell fall falls rose rise rises sent send sends led lead leads ran run runs fought fight fights
    brought bring brings sold sell sells bought buy buys broke break breaks chose choose drove
    drive flew fly froze grew grow kept keep quit sought seek spoke speak stood stand swore threw
    throw wrote write went go goes came come comes became become caught catch built build dealt
    laid lay paid pay set sets cut cuts put puts spent spend beat sank sink sunk hung hang bound
    bind withdrew withdraw overthrew overthrow undertook forbade forbid""".split()
)
# Attribution verbs are not the event: "X said Y" and "Z said W" do not say the same thing.
NOT_PREDICATES: frozenset[str] = frozenset("said says told tells added adding according reported saying stated".split())
