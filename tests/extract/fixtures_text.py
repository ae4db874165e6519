"""Invented noisy scrapes (no real article text) for the plain-text cleaner tests.

Each page mixes a real-looking body with the furniture real scrapes carry.  BODY_* lists the
paragraphs a reader would call the article; NOISE_* lists lines that must not stay in the body.
"""

from __future__ import annotations

# A blog-style page: crumbs, headline, byline + dateline, caption with credit, body,
# prompts, disclaimer, a vote widget and a flat comment thread with names, dates and replies,
# then related headlines.
BLOG_PAGE = """\
Home > World > Europe

Harbour Workers in Valdoria End Strike After Nine-Day Standoff

By Marta Keller

Valdoria Ledger, March 3, 2021

Dock cranes stand idle at the port of Saint Ives. Click to see full-size image.
Photo: Jan Novak/Reuters

Harbour workers in the port city of Saint Ives voted on Tuesday to end a nine-day strike that had stranded more than 200 container ships off the coast of Valdoria.

The union said its members accepted a pay rise of 6 percent over two years, short of the 9 percent they had demanded when the walkout began.

"We did not get everything we asked for, but we got the respect we were owed," union leader Petra Lind told reporters outside the port authority building.

Port officials said it would take at least a week to clear the backlog of ships waiting at anchor in the bay, and warned that some deliveries would be delayed until April.

The transport ministry said the agreement would be signed formally on Thursday, when the first night shifts are due to return to work at the northern terminals.

Help us keep reporting. Support the Valdoria Ledger on Patreon!

The views and opinions expressed in this article are those of the author and do not necessarily reflect those of the Valdoria Ledger.

What do you think?
24 Points
Upvote Downvote
Notify of
Newest Most Voted
Greta Holm
March 3, 2021

About time this was settled. The ships have been sitting there for far too long and the shops are running empty.

Olaf Berg
Reply to Greta Holm
March 4, 2021

The workers were right to hold out. Everybody else got a raise last year and nobody complained about that.

Olaf Berg
March 5, 2021

I wonder how long before the ministry breaks its promise again, as it did after the last strike in the south.

Ferry Fares to Rise Again This Summer
Why the Northern Rail Link Is Years Behind Schedule
"""

BLOG_BODY = [
    "Harbour workers in the port city of Saint Ives voted on Tuesday to end a nine-day strike",
    "The union said its members accepted a pay rise of 6 percent over two years",
    "We did not get everything we asked for, but we got the respect we were owed",
    "Port officials said it would take at least a week to clear the backlog",
    "The transport ministry said the agreement would be signed formally on Thursday",
]
BLOG_NOISE = [
    "Home > World",
    "Marta Keller",
    "Click to see full-size image",
    "Jan Novak/Reuters",
    "Support the Valdoria Ledger",
    "do not necessarily reflect",
    "What do you think",
    "Upvote",
    "24 Points",
    "Greta Holm",
    "About time this was settled",
    "The workers were right to hold out",
    "breaks its promise again",
    "Ferry Fares to Rise",
    "Northern Rail Link",
]

# A markdown scrape: heading title, linked byline, dateline with outlet, taxonomy lines, body,
# a reader note, a source/copyright footer with the outlet's name, a disclaimer.
MARKDOWN_PAGE = """\


# The Valdoria Strike: What the Harbour Deal Means for Trade

By [Ivo Marsh](#)

North Sea Review, March 4, 2021

Region: [Europe](#), [Baltic](#)

Theme: [Economy](#)

*The end of the harbour strike in Saint Ives leaves the government with a bill it had promised never to pay, and the union with a precedent it will use again.*

The agreement reached on Tuesday gives dock workers a raise of 6 percent, which economists at the central bank had described only last month as unaffordable for the state-owned port operator.

Exporters in the timber and paper industries, who lost an estimated 40 million crowns during the stoppage, have asked the ministry for compensation and faster customs checks once the ships are unloaded.

The precedent matters more than the money, several analysts argue, because rail and ferry unions are due to negotiate their own contracts before the end of the year.

\\*

Please share this story widely, and forward this article to friends who follow the strike.

*Ivo Marsh is a freelance economics writer based in Saint Ives.*

The original source of this article is North Sea Review
Copyright © [Ivo Marsh](#), North Sea Review, 2021

---

[Become a Member of North Sea Review](#)

**Disclaimer:** Responsibility for what this piece says lies with its author alone. North Sea Review accepts no liability for errors in it, and allows reposting on community sites provided the source is credited.
"""

MARKDOWN_BODY = [
    "The end of the harbour strike in Saint Ives leaves the government with a bill",
    "The agreement reached on Tuesday gives dock workers a raise of 6 percent",
    "Exporters in the timber and paper industries",
    "The precedent matters more than the money",
]
MARKDOWN_NOISE = [
    "Region:",
    "Theme:",
    "forward this article",
    "freelance economics writer",
    "original source",
    "Copyright",
    "Become a Member",
    "sole responsibility",
]

# A nested, bulleted comment thread (no header) after the body, as some scrapes render Disqus.
NESTED_PAGE = """\
Valdoria Ministry Promises Faster Customs Checks After Strike

Cargo ships anchored in the bay wait to enter the port. Click to see full-size image.

The Valdorian transport ministry promised on Wednesday to double the number of customs officers at the port of Saint Ives until the backlog of ships left by the strike has been cleared.

Deputy minister Anton Ruud said the extra staff would come from inland border posts and from the tax office, and would work in three shifts around the clock for at least two weeks.

Shipping companies welcomed the decision but said they would still seek damages for fuel burned while their vessels waited at anchor, a claim the ministry has so far rejected.

The first of the anchored ships entered the harbour late on Wednesday evening, according to the port authority, which said another forty would follow before the weekend.




  • Seabird77

    this will never work, they said the same thing last year

    • Harbourmaster

      You clearly have not been to the port lately. The new terminal is working fine and the queues are much shorter than they were.

      • Seabird77

        lol ok

  • Kestrel

    Double the officers and half the work gets done, as usual in this country.
"""

NESTED_BODY = [
    "The Valdorian transport ministry promised on Wednesday",
    "Deputy minister Anton Ruud said the extra staff",
    "Shipping companies welcomed the decision",
    "The first of the anchored ships entered the harbour",
]
NESTED_NOISE = [
    "Seabird77",
    "never work",
    "Harbourmaster",
    "new terminal",
    "lol ok",
    "Kestrel",
    "half the work",
    "full-size image",
]

# A paragraph with an embedded post inlined by the scraper, and an inline photo credit.
EMBED_PAGE = """\
BRIEFING: Valdoria Strike Ends as Ships Begin to Move

Published by on

Valdoria Strike Ends as Ships Begin to Move After nine days of idle cranes, the first container ships entered the port of Saint Ives on Wednesday, watched by crowds on the harbour wall.  Officials expect the backlog to be cleared within ten days.  Union leader Petra Lind waves to workers at the north gate, via Reuters/Port Authority of Saint Ives.

The queue is finally moving. — Harbour Watch (@harbourwatch) March 4, 2021 Traders said container rates on the Baltic route fell by a fifth on the news, the sharpest drop since the autumn.

Ministers have promised an inquiry into how the dispute was allowed to last so long, with hearings due to begin in May.

Categories: Briefing
"""

EMBED_BODY = [
    "After nine days of idle cranes, the first container ships entered the port",
    "Officials expect the backlog to be cleared within ten days.",
    "Traders said container rates on the Baltic route fell by a fifth",
    "Ministers have promised an inquiry",
]
EMBED_NOISE = [
    "Published by",
    "Harbour Watch",
    "@harbourwatch",
    "The queue is finally moving",
    "via Reuters",
    "Categories:",
]


def footer_page(n: int) -> str:
    """Articles of one outlet sharing the same long footer and 'about us' blurb."""
    topics = [
        (
            "Saint Ives Council Approves New Ferry Terminal",
            "The city council of Saint Ives approved plans on Monday for a new ferry terminal on the eastern pier, ending a dispute that had lasted more than three years.",
            "Councillors voted by eleven to four after a debate in which residents of the old town complained about noise from the night ferries and the traffic they would bring.",
        ),
        (
            "Valdoria Rail Workers Threaten Walkout",
            "Rail workers in Valdoria said on Friday they would stage a walkout next month unless the state operator reopened talks on overtime pay and rest periods.",
            "The operator said it had offered a bonus for weekend shifts and accused the union of copying the tactics that had worked for harbour workers earlier in the spring.",
        ),
        (
            "Timber Exports Recover After Harbour Strike",
            "Timber exports from the port of Saint Ives recovered in March after the harbour strike ended, according to figures published by the trade ministry on Tuesday.",
            "Sawmills in the north had stockpiled planks for almost two weeks while the cranes stood still, and several of them had sent their workers home on reduced pay.",
        ),
    ]
    title, lead, second = topics[n % len(topics)]
    return f"""\
{title}

{lead}

{second}

The Harbour Gazette is an independent newsroom funded by its readers, and every story we publish is checked by two editors before it appears on our pages.

Read our editorial standards and corrections policy before you send us a complaint about an article.
"""


FOOTER_SHARED = [
    "The Harbour Gazette is an independent newsroom funded by its readers",
    "Read our editorial standards",
]

# A page whose only dates are in the comments: the cleaner must not take them as the publication date.
COMMENT_DATE_PAGE = """\
Ferry Fares to Rise Again This Summer

Ferry operators serving the islands off Saint Ives will raise fares by up to 8 percent from June, the second increase in a year, citing fuel costs and the new harbour pay deal.

Passenger groups said the rise would hit island residents hardest, since many of them cross to the mainland every day for work, school and medical appointments.

The operators said discounts for residents and students would be kept, and that a review of the timetable would be published before the summer season.

Comments (2)
Liv Dahl
April 2, 2021
Another rise, and the boats are still late every morning.
Per Ask
April 3, 2021
The resident discount is the only thing keeping us afloat.
"""

# A WordPress-style page: sharing row, "Like this:", an editor's note, a reply form and
# signatures with the name and the time on one line.
WORDPRESS_PAGE = """\
Skip to content
Island Ferry Crews Vote to Join Harbour Strike
Posted on March 5, 2021 by Nils Ek
Ferry crews serving the islands off Saint Ives voted on Friday to join the harbour strike, a move that could cut the islands off from the mainland within days.
The crews' union said ninety percent of its members had backed the walkout, which is due to begin on Monday morning unless the operators make a new offer.
Island councils asked the government to guarantee at least one daily crossing for medical patients and for deliveries of food and fuel.
Editor's note: this story was updated on March 6 with the councils' request.
Share this:
Twitter
Facebook
Like this:
Loading...
Related
3 thoughts on "Island Ferry Crews Vote to Join Harbour Strike"
mira_s • 2 hours ago
Good for them, the operators have ignored the crews for years.
Reply
harbourfan | March 5, 2021 at 9:14 pm
The islands will suffer most, as always.
Reply
Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
"""
WORDPRESS_BODY = [
    "Ferry crews serving the islands off Saint Ives voted on Friday",
    "ninety percent of its members",
    "Island councils asked the government",
]
WORDPRESS_NOISE = [
    "Skip to content",
    "Editor's note",
    "Share this",
    "Twitter",
    "Like this",
    "Loading",
    "thoughts on",
    "mira_s",
    "ignored the crews",
    "harbourfan",
    "will suffer most",
    "Leave a Reply",
    "email address",
]
