"""Word lists used by the cross-check, written for newsfuse.

Origin: compiled by hand for this project from the vocabulary news style guides warn about
(labels that pass judgement on an actor, emotive verbs and intensifiers) and from the
honorifics and titles English-language news uses before names.  They are deliberately small
and generic (no names, no gazetteer): everything story-specific is found in the story itself.
All entries are lowercase and accent-folded (compare with :func:`newsfuse.text.fold`).
"""

from __future__ import annotations

# Titles written before a person's name; a capitalised span led by one is a person.
# Multi-word titles are matched before their parts ("field marshal" before "marshal").
PERSON_TITLES: frozenset[str] = frozenset(
    """president presidents ministers leaders vice-president prime minister foreign defence defense interior finance secretary
    chancellor king queen prince princess sheikh emir sultan pope cardinal bishop imam rabbi
    general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt. sergeant
    marshal field admiral commander spokesman spokeswoman spokesperson envoy ambassador
    senator sen sen. representative rep rep. governor gov gov. mayor judge justice
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir lord lady dame
    chairman chairwoman chair ceo coo cfo director chief head leader premier deputy speaker
    officer executive operating attorney secretary-general""".split()
)

# Head words that make a capitalised span an organisation.
ORG_HEADS: frozenset[str] = frozenset(
    """army government ministry council party agency bank company corporation corp inc ltd
    union nations organisation organization committee court parliament assembly congress senate
    forces force police navy guard brigade militia movement front alliance coalition federation
    network news television tv radio times post press agency institute university foundation
    commission office department board group authority administration accord league club
    service services bureau association society council institute centre center plc llc ag sa""".split()
)

# Words that, right after "in"/"from"/"to"/"near", mark the next capitalised span as a place
# (used together with the suffix "-based").
# ("to", "from", "at" are left out: "sent arms to Sarraj" names a person as often as a place.)
PLACE_PREPS: frozenset[str] = frozenset("in near outside across into inside throughout".split())

# Capitalised words that are not names on their own (calendar words, sentence starters).
NOT_NAMES: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec today yesterday tomorrow meanwhile however but and the a an this that these those it
    its he she they we i you his her their our click read more photo file video related""".split()
)

# Name particles ignored when comparing names ("al-Sarraj" = "Sarraj").
NAME_PARTICLES: frozenset[str] = frozenset("al el ul ad as ash at az bin ibn ben abu abd de da di van von der le la".split())

# Labels for actors that carry judgement; a hyphenated compound before a name ("UN-backed")
# is kept as a label as well.
ACTOR_LABELS: frozenset[str] = frozenset(
    """strongman warlord putschist putchist dictator tyrant despot regime rebel rebels insurgent
    insurgents militant militants terrorist terrorists jihadist jihadists jihadi extremist
    extremists mercenary mercenaries militia militias renegade rogue self-styled self-proclaimed
    legitimate illegitimate recognized recognised un-recognized un-recognised un-backed
    internationally-recognized internationally-recognised commander leader coup junta
    hardliner hardline moderate reformist loyalist separatist separatists
    invader invaders occupier occupiers puppet proxy""".split()
)

# Loaded or opinion words: emotive verbs, judgement adjectives and intensifiers.
LOADED_WORDS: frozenset[str] = frozenset(
    """slam slams slammed blast blasts blasted vow vows vowed threaten threatens threatened boast
    boasts boasted claim claims claimed admit admits admitted deny denies denied insist insists
    insisted lash lashed brand branded rant ranted huge massive brutal barbaric savage shocking
    outrageous disastrous catastrophic devastating dramatic stunning historic unprecedented
    extremely rare unlikely awkward thorny setback failure fiasco debacle humiliation humiliating
    criminal illegal illegitimate legitimate so-called notorious infamous ruthless besieged
    terrorist terrorists putschist putchist warlord strongman dictator regime mercenaries
    jihadi jihadis jihadists imperialism neo-ottoman aggression aggressive invasion invade
    occupation puppet meddling adventure chaos crisis bloody bloodshed massacre atrocity
    clearly obviously actually really surprisingly unfortunately allegedly supposedly""".split()
)

# Verbs of saying, used for attribution and quote speakers.
SPEECH_VERBS: frozenset[str] = frozenset(
    """said says say told tells tell stated states added adds noted notes stressed stresses
    warned warns threatened threatens affirmed affirms declared declares announced announces
    insisted insists explained explains claimed claims argued argues wrote writes asked asks
    replied replies responded responds confirmed confirms denied denies vowed vows urged urges
    pledged pledges tweeted tweets posted posts continued continues acknowledged acknowledges
    remarked remarks commented comments indicated indicates reported reports saying""".split()
)

# Cues that a sentence attributes what it asserts to someone.
ATTRIBUTION_CUES: frozenset[str] = SPEECH_VERBS | frozenset(
    """according quoted reportedly report reports statement statements sources source cited
    citing estimates estimated alleged allegedly believed believes suspected claimed""".split()
)

# Discourse openers that say nothing about the fact a sentence reports; with position weighting
# they would otherwise count as its main words ("In addition, ...", "Meanwhile, ...").
DISCOURSE_WORDS: frozenset[str] = frozenset(
    """addition meanwhile furthermore moreover besides also first firstly second secondly finally
    lastly part wake noted note notably indeed instead otherwise thus therefore hence accordingly
    currently now earlier later recently already still again""".split()
)
