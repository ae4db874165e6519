"""Word lists used by the cross-check, written for newsfuse.

Origin: compiled by hand for this project from the vocabulary news style guides warn about
(labels that pass judgement on an actor, emotive verbs and intensifiers) and from the
honorifics and titles English-language news uses before names.  They are deliberately small
and generic (no names, no gazetteer): everything story-specific is found in the story itself.
All entries are lowercase and accent-folded (compare with :func:`newsfuse.text.fold`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

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
    officer executive operating attorney secretary-general administrator""".split()
)

# Words that tie a person to the body they speak for: "Jo Roe of Harbour Aid told", "analyst Jo Roe at Vell
# Securities said", "Jo Roe from the University of Tallor said": the verb after the body is the person's.
BODY_LINKS: frozenset[str] = frozenset({"of", "at", "from"})

# Subordinating conjunctions that open a clause subordinate to the sentence's main one (general English):
# a verb or a name in such a clause is not the sentence's verb or subject.
SUBORDINATORS: frozenset[str] = frozenset(
    "after before when while as since although though if because once until unless whereas".split()
)

# Head words that make a capitalised span an organisation (newspapers' too: "Daily Mail", "Valley Herald"
# are bodies, not a person nor, after "in", a place).
ORG_HEADS: frozenset[str] = frozenset(
    """army government ministry council party agency bank company corporation corp inc ltd
    union nations organisation organization committee court parliament assembly congress senate
    forces force police navy guard brigade militia movement front alliance coalition federation
    battalion regiment division corps squadron platoon fleet
    network news television tv radio times post press agency institute university foundation
    commission office department board group authority administration accord league club
    service services bureau association society council institute centre center plc llc ag sa
    hospital clinic school college academy laboratory museum church conference daily journal herald gazette
    tribune chronicle telegraph""".split()
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
    its he she they we i you his her their our click read more photo file video related
    several many every various numerous others another either neither much
    gmt bst utc est edt cst cdt pst pdt cet cest et pt am pm""".split()  # time zones: "12:00 GMT" names no one
    # (quantifiers opening a sentence, "Several states have advocated ...", are no one either)
)

# Name particles ignored when comparing names ("al-Sarraj" = "Sarraj").
NAME_PARTICLES: frozenset[str] = frozenset(
    "al el ul ad as ash at az bin ibn ben abu abd de da di van von der le la".split()
)

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
    remarked remarks commented comments indicated indicates reported reports saying emphasised emphasized
    emphasises emphasizes e-mailed e-mails emailed shouted shouting yelled yelling screamed screaming""".split()
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

# Irregular past tenses and participles -> their base verb (general English morphology, which the
# Snowball stemmer does not undo: "struck" and "strikes" must meet, so must "shot" and "shooting").
# Forms equal to their base ("hit", "put") are listed so that they count as verbs at all.
IRREGULAR_VERBS: Mapping[str, str] = MappingProxyType(
    dict(
        pair.split(":")
        for pair in """arose:arise awoke:awake bore:bear beaten:beat became:become began:begin begun:begin bent:bend
    bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed brought:bring built:build
    burnt:burn bought:buy caught:catch chose:choose chosen:choose clung:cling came:come crept:creep dealt:deal dug:dig
    dove:dive drew:draw drawn:draw drank:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed
    felt:feel fought:fight found:find fled:flee flung:fling flew:fly flown:fly forbade:forbid forgot:forget
    forgave:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow
    grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold kept:keep knelt:kneel knew:know known:know laid:lay
    led:lead left:leave lent:lend lain:lie lit:light lost:lose made:make meant:mean met:meet paid:pay proven:prove
    rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek
    sold:sell sent:send shook:shake shaken:shake shone:shine shot:shoot shown:show shrank:shrink sang:sing sung:sing
    sank:sink sunk:sink sat:sit slew:slay slain:slay slept:sleep slid:slide spoke:speak spoken:speak sped:speed
    spent:spend spun:spin sprang:spring stood:stand stole:steal stolen:steal stuck:stick stung:sting struck:strike
    stricken:strike strove:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take
    taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw trod:tread
    understood:understand undertook:undertake woke:wake wore:wear worn:wear wept:weep won:win withdrew:withdraw
    withdrawn:withdraw wrote:write written:write hit:hit put:put quit:quit set:set cut:cut shut:shut hurt:hurt
    cast:cast cost:cost let:let bet:bet burst:burst spread:spread split:split""".split()
    )
)

# Nouns that name an event rather than a thing or a person (generic news vocabulary: disasters,
# violence and crime, conflict, politics, justice, business, sport, ceremonies).  Most event words
# are verbs or share a stem with one ("arrest", "nomination"); these have no verb form in a story.
EVENT_NOUNS: frozenset[str] = frozenset(
    """attack assault bombing bomb blast explosion earthquake quake tremor temblor aftershock fire blaze wildfire
    crash collision accident shooting shootout gunfire massacre murder killing homicide heist robbery theft burglary
    raid kidnapping abduction hijacking war battle clash fighting conflict invasion offensive strike airstrike
    protest demonstration riot rally march election vote poll referendum trial verdict sentence conviction acquittal
    hearing lawsuit arrest detention storm hurricane typhoon cyclone tornado flood flooding drought landslide
    eruption tsunami outbreak epidemic pandemic deal agreement treaty merger acquisition takeover summit meeting
    talks visit speech announcement launch release resignation appointment nomination ceremony wedding funeral
    divorce injury surgery overdose rescue evacuation escape jailbreak recall ban sanction suspension match game
    final victory win defeat loss record""".split()
)

# Light (support) and causative verbs: they carry the event of the noun after them ("took the
# initiative", "made it clear", "gave a speech", "caused an outage"), so they are never a sentence's
# event trigger themselves.
LIGHT_VERBS: frozenset[str] = frozenset(
    """make makes made making take takes took taken taking get gets got gotten getting give gives gave given
    giving go goes went gone going come comes came coming have has had having do does did done doing put puts
    putting set sets setting keep keeps kept keeping let lets become becomes became becoming seem seems seemed
    cause causes caused causing""".split()
)

# Stative verbs: they state a standing relation (who backs whom, who believes what), not an event
# that happened, so they are never a sentence's event trigger ("Turkey supports Sarraj" and "the
# army supports the proposal" are different facts that merely share the verb).  General English
# grammar (verbs that take no progressive in their stative sense), not fitted to any story.
STATIVE_VERBS: frozenset[str] = frozenset(
    """support supports supported supporting believe believes believed know knows need needs want wants
    wanted remain remains remained seem seems appear appears belong belongs own owns include includes
    included including contain contains consist consists depend depends deserve deserves hope hopes
    hoped mean means matter matters involve involves concern concerns represent represents resemble
    resembles exist exists lack lacks prefer prefers like likes""".split()
)

# Words for one event that share no stem; only the classes every news story uses alike (a death is
# reported as "died", "was killed", "dead" or "death").  Kept deliberately tiny: a wrong class
# merges different facts in every story.
EVENT_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset("die dies died dying dead death deaths kill kills killed killing killings".split()),
)
