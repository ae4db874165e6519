"""Kinds of place: countries and cities, by general vocabulary and by how news writes them.

Origin: written for newsfuse from general knowledge (the member states of the United Nations and
a few other widely recognised countries and territories, with the short forms English news uses,
and their capital cities).  This is general vocabulary, like a dictionary, not a list fitted to
any story: everything else is typed by the context a story writes ("the city of X", "X city",
"the capital, X", a dateline "X (Reuters) -").  All entries are lowercase and accent-folded.
"""

from __future__ import annotations

import re

COUNTRIES: frozenset[str] = frozenset(
    line.strip()
    for line in """
    afghanistan|albania|algeria|andorra|angola|antigua and barbuda|argentina|armenia|australia|austria
    azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia
    bosnia and herzegovina|bosnia|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon
    canada|cape verde|central african republic|chad|chile|china|colombia|comoros|congo|costa rica
    ivory coast|cote d'ivoire|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica
    dominican republic|east timor|timor-leste|ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia
    eswatini|swaziland|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada
    guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq
    ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos
    latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia
    maldives|mali|malta|marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia
    montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand
    nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palau|palestine
    panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia
    russian federation|rwanda|saint kitts and nevis|saint lucia|samoa|san marino|sao tome and principe
    saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|solomon islands
    somalia|south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland
    syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad and tobago|tunisia|turkey|turkmenistan
    tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|great britain|england
    scotland|wales|northern ireland|united states|united states of america|us|usa|america|uruguay
    uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|greenland|puerto rico|hong kong
    """.replace("\n", "|").split("|")
    if line.strip()
)

CAPITALS: frozenset[str] = frozenset(
    line.strip()
    for line in """
    kabul|tirana|algiers|luanda|buenos aires|yerevan|canberra|vienna|baku|nassau|manama|dhaka|minsk
    brussels|porto-novo|thimphu|la paz|sarajevo|gaborone|brasilia|sofia|ouagadougou|gitega|phnom penh
    yaounde|ottawa|praia|bangui|n'djamena|santiago|beijing|bogota|kinshasa|brazzaville|san jose|zagreb
    havana|nicosia|prague|copenhagen|djibouti|santo domingo|dili|quito|cairo|san salvador|asmara|tallinn
    addis ababa|suva|helsinki|paris|libreville|banjul|tbilisi|berlin|accra|athens|guatemala city
    conakry|georgetown|port-au-prince|tegucigalpa|budapest|reykjavik|new delhi|delhi|jakarta|tehran
    baghdad|dublin|jerusalem|tel aviv|rome|kingston|tokyo|amman|astana|nairobi|pristina|kuwait city
    bishkek|vientiane|riga|beirut|maseru|monrovia|tripoli|vaduz|vilnius|luxembourg|antananarivo|lilongwe
    kuala lumpur|male|bamako|valletta|nouakchott|port louis|mexico city|chisinau|ulaanbaatar|podgorica
    rabat|maputo|naypyidaw|yangon|rangoon|windhoek|kathmandu|amsterdam|the hague|wellington|managua
    niamey|abuja|pyongyang|skopje|oslo|muscat|islamabad|ramallah|gaza city|panama city|port moresby
    asuncion|lima|manila|warsaw|lisbon|doha|bucharest|moscow|kigali|riyadh|dakar|belgrade|freetown
    singapore|bratislava|ljubljana|mogadishu|pretoria|cape town|seoul|juba|madrid|colombo|khartoum
    paramaribo|stockholm|bern|damascus|taipei|dushanbe|dodoma|dar es salaam|bangkok|lome|tunis|ankara
    ashgabat|kampala|kyiv|kiev|abu dhabi|london|washington|montevideo|tashkent|caracas|hanoi|sanaa
    lusaka|harare|benghazi|aleppo|homs|istanbul|new york|los angeles|chicago|dubai|mumbai|shanghai
    karachi|lagos|sydney|toronto|geneva|milan|munich|hamburg|barcelona|st petersburg|basra|mosul
    """.replace("\n", "|").split("|")
    if line.strip()
)

# "the city of X", "X city", "the capital, X", "the capital X", "the X capital" (written by the story).
CITY_BEFORE = re.compile(r"\b(?:city|town|village|capital|port|suburb)\s+(?:of\s+)?,?\s*$", re.IGNORECASE)
CITY_AFTER = re.compile(r"^\s*(?:city|town|village)\b")


# Continents and the world's regions as news writes them (general geography, not any story's).
REGIONS: frozenset[str] = frozenset(
    line.strip()
    for line in """europe|asia|africa|antarctica|oceania|arctic|north america|south america|latin america
    central america|middle east|far east|caribbean|balkans|scandinavia|mediterranean|sahel|horn of africa
    east africa|west africa|north africa|southern africa|sub-saharan africa|southeast asia|south asia
    central asia|east asia|western europe|eastern europe|central europe|gulf of mexico|persian gulf
    """.replace("\n", "|").split("|")
    if line.strip()
)


def place_kind(folded_name: str) -> str | None:
    """'country', 'city' or 'region' for a name the vocabulary knows, else None."""
    name = folded_name.strip().removeprefix("the ")
    if name in COUNTRIES:
        return "country"
    if name in CAPITALS:
        return "city"
    if name in REGIONS:
        return "region"
    return None
