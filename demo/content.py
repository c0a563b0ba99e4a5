"""The demo site's content: written for Newsroom, about invented people and places."""

SITE = {
    "name": "The Meridian",
    "tagline": "Independent international news",
    "alternate_addresses_intro": (
        "The Meridian's website can also be reached at the following alternate addresses:"
    ),
    "links": [
        ("alternate", "meridian-news.example.net", "https://meridian-news.example.net/"),
        ("alternate", "meridian.example.org", "https://meridian.example.org/"),
        ("app", "Android app", "https://apps.example.org/meridian/android"),
        ("app", "iPhone app", "https://apps.example.org/meridian/ios"),
        ("app", "TV app", "https://apps.example.org/meridian/tv"),
    ],
}

# (slug, name, parent slug, description)
SECTIONS = [
    ("news", "News", None, "Reporting from our correspondents around the world."),
    ("palestine", "Palestine", "news", "Gaza, the West Bank and Jerusalem."),
    ("middle-east", "Middle East", "news", "From the Gulf to the Levant."),
    ("world", "World", "news", "International news beyond the region."),
    ("politics", "Politics", None, "Parliaments, elections and the people who run them."),
    ("business", "Business", None, "Markets, trade, work and money."),
    ("technology", "Technology", None, "Surveillance, security and the tools people depend on."),
    ("culture", "Culture", None, "Film, music, books and the arts."),
]

AUTHORS = [
    ("Leila Haddad", "leila-haddad", "Leila Haddad reports on Gaza and the West Bank."),
    ("Tomás Ferreira", "tomas-ferreira", "Tomás Ferreira covers trade, labour and the economy."),
    ("Amira Saleh", "amira-saleh", "Amira Saleh writes about technology and digital rights."),
    ("Daniel Okafor", "daniel-okafor", "Daniel Okafor is The Meridian's politics editor."),
]

# Each article: section slug, author slugs, hours ago, Editor's Choice, tags,
# photo (caption, credit, alt text), headline, summary, body HTML, and optionally photos used
# in the body. In bodies, [[photo:name]] is one of the article's extra photos and
# [[story:slug]] another demo story (load_demo puts in their ids).
ARTICLES = [
    {
        "slug": "gaza-fishermen-return-to-sea-as-fuel-deliveries-resume",
        "section": "palestine",
        "authors": ["leila-haddad"],
        "hours_ago": 2,
        "editors_choice": True,
        "tags": ["Gaza", "fishing", "fuel", "humanitarian aid"],
        "photo": (
            "The file photo shows fishing boats moored in Gaza City's harbour at dusk.",
            "The Meridian / File",
            "Small fishing boats moored side by side in a harbour at dusk.",
        ),
        "headline": "Gaza fishermen return to sea as fuel deliveries resume",
        "summary": (
            "Dozens of boats left Gaza City's harbour before dawn on Tuesday, the first full "
            "day of fishing in three weeks, after fuel trucks were allowed through the crossing."
        ),
        "body": """
<p>Dozens of fishing boats left Gaza City's harbour before dawn on Tuesday, their engines running for the first time in three weeks after fuel deliveries resumed at the southern crossing.</p>
<p>The fishermen's union said 64 boats went out, most staying within three nautical miles of the shore. "We have nets that have not been wet since the start of the month," said Yousef Abu Hasira, 52, who has fished the same waters since he was a boy. "Today my sons will eat what we catch, and we will sell the rest."</p>
<aside class="fact-box"><h2>What we know</h2><ul><li>64 boats went out on Tuesday, the first full day of fishing in three weeks.</li><li>Fuel trucks were allowed through the southern crossing on Monday.</li><li>The union says the fuel delivered will last about ten days.</li><li>The harbour's only ice plant is running again.</li></ul></aside>
<p>Fuel shortages had kept the fleet idle and shut the harbour's only ice plant, without which a catch spoils within hours in the heat. Aid agencies warned last week that the loss of fishing, one of the strip's few remaining sources of fresh protein, was deepening food insecurity.</p>
<figure class="pull-quote"><blockquote><p>Every day the boats stay in the harbour, 4,000 families lose their income.</p></blockquote><figcaption>Nizar Ayyash, secretary of the fishermen's union</figcaption></figure>
<p>Ayyash said the resumption was welcome but fragile. "We have fuel for ten days. After that, nobody has told us anything," he said.</p>
<aside data-embed="https://video.example.org/meridian/gaza-boats-leave-harbour">Video: the boats leave Gaza City's harbour before dawn</aside>
<h2>A shrinking fishing zone</h2>
<p>Fishermen say the permitted zone has been changed so often that many no longer know how far they may sail. Several boats were confiscated last year, and rights groups have documented injuries to crews at sea.</p>
<hr>
<p>By mid-morning the first boats were back, and a small crowd had gathered on the quay to buy sardines by the kilo. Prices, traders said, were half what they had been the week before.</p>
<figure data-photo="[[photo:quay]]"></figure>
<aside data-story="[[story:olive-harvest-begins-in-the-west-bank-under-tight-restrictions]]">Olive harvest begins in the West Bank under tight restrictions</aside>
""",
        "extra_photos": {
            "quay": (
                "Traders buy sardines by the kilo on the quay as the first boats come back.",
                "The Meridian",
                "A crowd around crates of small silver fish on a harbour quay.",
            ),
        },
    },
    {
        "slug": "olive-harvest-begins-in-the-west-bank-under-tight-restrictions",
        "section": "palestine",
        "authors": ["leila-haddad"],
        "hours_ago": 9,
        "editors_choice": False,
        "tags": ["West Bank", "olive harvest", "agriculture"],
        "photo": (
            "Farmers sort olives on a tarpaulin near Nablus.",
            "Rami Khalil / The Meridian",
            "Two farmers kneel beside a green tarpaulin covered in olives under a tree.",
        ),
        "headline": "Olive harvest begins in the West Bank under tight restrictions",
        "summary": (
            "Farmers near Nablus say they have been given four days to pick groves that "
            "normally take three weeks, as access permits are cut back."
        ),
        "body": """
<p>Farmers in villages south of Nablus began picking olives this week, racing against access permits that in some cases allow them only four days in groves that normally take three weeks to harvest.</p>
<p>"The trees do not know about permits," said Fatima Odeh, who farms twelve dunams with her brothers. "If we leave the fruit on the branches, it falls and rots, and we lose a year."</p>
<p>The olive harvest supports about 100,000 families across the West Bank and is as much a social event as an economic one, with relatives travelling from cities to help. Farmers' groups say this year's restrictions are the tightest in a decade.</p>
<p>Village councils have organised volunteers to pick in shifts, and a cooperative in the area said it would keep its press running through the night to handle the compressed harvest.</p>
""",
    },
    {
        "slug": "regional-water-ministers-agree-shared-drought-plan",
        "section": "middle-east",
        "authors": ["tomas-ferreira"],
        "hours_ago": 20,
        "editors_choice": False,
        "tags": ["water", "drought", "climate"],
        "photo": (
            "A dry riverbed on the outskirts of the city after a third rainless winter.",
            "Nadia Karam / The Meridian",
            "Cracked mud in a wide, dry riverbed with a bridge in the distance.",
        ),
        "headline": "Regional water ministers agree on a shared drought plan",
        "summary": (
            "Five governments will pool data from river gauges and reservoirs and coordinate "
            "releases during dry years, under an agreement signed on Monday."
        ),
        "body": """
<p>Water ministers from five countries signed an agreement on Monday to share data from river gauges and reservoirs and to coordinate releases of water during drought years.</p>
<p>The plan, three years in negotiation, does not settle long-running disputes over how much water each country may take. But officials said it would end the practice of reservoirs being filled or emptied without warning to neighbours downstream.</p>
<p>"For the first time, a farmer downstream will know a week ahead what is coming down the river," said Karim Mansour, the agreement's chief negotiator. "That is not everything, but it is not nothing."</p>
<p>Hydrologists have warned that rainfall across the basin has fallen by about a fifth since the 1990s, and that the region's largest reservoirs are at their lowest levels on record.</p>
""",
    },
    {
        "slug": "flood-defences-hold-as-river-peaks-in-northern-delta",
        "section": "world",
        "authors": ["daniel-okafor"],
        "hours_ago": 30,
        "editors_choice": False,
        "tags": ["floods", "climate", "infrastructure"],
        "photo": (
            "Volunteers stack sandbags along the river embankment on Sunday night.",
            "Ines Varga / The Meridian",
            "People in high-visibility jackets pass sandbags along a riverside wall at night.",
        ),
        "headline": "Flood defences hold as river peaks in the northern delta",
        "summary": (
            "Embankments rebuilt after the floods of six years ago held overnight as the river "
            "rose to its second-highest level since records began."
        ),
        "body": """
<p>Flood defences rebuilt after the disaster six years ago held overnight as the river rose to its second-highest level since records began, sparing towns across the northern delta.</p>
<p>About 12,000 people had been moved to higher ground as a precaution. Emergency services said no deaths had been reported, although several villages outside the embankments were cut off.</p>
<p>"The wall did what it was built to do," said the regional engineer, Marta Kovac. "Six years ago we were pulling people off roofs. Last night we were watching water gauges."</p>
<p>Officials warned that a second crest was expected on Thursday and asked residents not to return home until the river had fallen below the alert level.</p>
""",
    },
    {
        "slug": "parliament-passes-press-freedom-bill-after-all-night-session",
        "section": "politics",
        "authors": ["daniel-okafor"],
        "hours_ago": 5,
        "editors_choice": True,
        "tags": ["press freedom", "parliament", "journalism"],
        "photo": (
            "Members of parliament vote on the press freedom bill in the early hours of Friday.",
            "The Meridian",
            "A parliament chamber seen from the gallery, with members raising their hands.",
        ),
        "headline": "Parliament passes press freedom bill after all-night session",
        "summary": (
            "The law protects journalists from being forced to name their sources and limits "
            "the use of surveillance against reporters."
        ),
        "body": """
<p>Parliament passed a law protecting journalists' sources in the early hours of Friday, after an all-night session in which opposition members forced a vote on every one of its 41 clauses.</p>
<p>The law bars courts from ordering reporters to name their sources except where a life is at immediate risk, and requires a judge's approval before any surveillance of a journalist's phone or computer.</p>
<p>"A source who cannot trust a reporter does not call a reporter," said the bill's sponsor, Helena Brandt. "Without sources there is no journalism, only press releases."</p>
<blockquote><p>"This is the most important change to media law in a generation."</p></blockquote>
<p>That was the verdict of the national journalists' union, which had campaigned for the law since a reporter was jailed for refusing to identify a whistleblower four years ago.</p>
<p>Critics in the governing coalition said the surveillance safeguards could slow criminal investigations. The law takes effect in January.</p>
""",
    },
    {
        "slug": "electoral-commission-publishes-new-campaign-spending-rules",
        "section": "politics",
        "authors": ["daniel-okafor"],
        "hours_ago": 50,
        "editors_choice": False,
        "tags": ["elections", "campaign finance"],
        "photo": (
            "Campaign posters line a street in the capital ahead of the spring election.",
            "Jonas Weber / The Meridian",
            "A row of election posters pasted on a wall along a busy street.",
        ),
        "headline": "Electoral commission publishes new rules on campaign spending",
        "summary": (
            "Parties must publish every online advertisement they pay for and who it was "
            "shown to, under rules that apply from the spring election."
        ),
        "body": """
<p>Political parties will have to publish every online advertisement they pay for, along with how much it cost and which groups of voters it was shown to, under rules published by the electoral commission on Wednesday.</p>
<p>The commission said online spending had overtaken posters and leaflets at the last election but was the least visible part of campaigns. "Voters should be able to see what everyone else is being told," said its chair, Ruth Alder.</p>
<p>Parties that break the rules face fines of up to a tenth of their campaign budget.</p>
""",
    },
    {
        "slug": "central-bank-holds-rates-as-inflation-eases",
        "section": "business",
        "authors": ["tomas-ferreira"],
        "hours_ago": 14,
        "editors_choice": False,
        "tags": ["interest rates", "inflation", "central bank"],
        "photo": (
            "The central bank's headquarters in the financial district.",
            "The Meridian / File",
            "A stone building with columns, seen from across a square.",
        ),
        "headline": "Central bank holds rates as inflation eases",
        "summary": (
            "Policymakers kept the main rate at 4.5% for a third meeting, saying price rises "
            "were slowing but wages were still climbing fast."
        ),
        "body": """
<p>The central bank kept its main interest rate at 4.5% on Thursday for the third meeting in a row, saying inflation was easing but not yet fast enough to justify a cut.</p>
<p>Consumer prices rose 3.1% in the year to October, down from a peak of 9% two years ago. Food and energy prices have fallen, but the cost of services is still rising quickly, driven by wages.</p>
<table><tbody><tr><th><p>Prices, year to</p></th><th><p>All items</p></th><th><p>Food</p></th><th><p>Services</p></th></tr><tr><td><p>October</p></td><td><p>3.1%</p></td><td><p>1.8%</p></td><td><p>5.2%</p></td></tr><tr><td><p>September</p></td><td><p>3.4%</p></td><td><p>2.3%</p></td><td><p>5.3%</p></td></tr><tr><td><p>August</p></td><td><p>3.9%</p></td><td><p>3.0%</p></td><td><p>5.5%</p></td></tr></tbody></table>
<p>"We are on the right road, but we are not home," the governor told reporters. Most economists now expect a first cut in the spring.</p>
""",
    },
    {
        "slug": "port-workers-secure-pay-deal-ending-week-long-strike",
        "section": "business",
        "authors": ["tomas-ferreira"],
        "hours_ago": 40,
        "editors_choice": False,
        "tags": ["strikes", "ports", "labour"],
        "photo": (
            "Container cranes stand idle at the port during the strike.",
            "Ana Duarte / The Meridian",
            "Tall container cranes over a quay stacked with shipping containers.",
        ),
        "headline": "Port workers secure pay deal, ending week-long strike",
        "summary": (
            "Dockers will return on Monday after accepting an 8% rise over two years and new "
            "limits on night shifts."
        ),
        "body": """
<p>Dock workers at the country's largest port voted on Saturday to accept a pay offer, ending a week-long strike that left more than 40 ships waiting at anchor.</p>
<p>The deal gives an 8% rise over two years and limits night shifts to three a week. "It was never only about money," said the union's local leader, Paulo Neves. "People were working nights for months at a time."</p>
<p>The port authority said it expected to clear the backlog within ten days.</p>
""",
    },
    {
        "slug": "journalists-phones-targeted-by-commercial-spyware-researchers-say",
        "section": "technology",
        "authors": ["amira-saleh"],
        "hours_ago": 26,
        "editors_choice": True,
        "tags": ["spyware", "surveillance", "press freedom", "digital security"],
        "photo": (
            "A researcher examines a phone's network traffic in the lab.",
            "Amira Saleh / The Meridian",
            "A person at a desk looks at lines of text on a laptop next to a smartphone.",
        ),
        "headline": "Journalists' phones targeted by commercial spyware, researchers say",
        "summary": (
            "A university lab found traces of an infection on the phones of six reporters "
            "who had covered corruption cases, and says a government client is likely."
        ),
        "body": """
<p>The phones of six journalists who reported on corruption cases were infected with commercial spyware last year, according to a report published on Tuesday by researchers at a university digital-security lab.</p>
<p>The spyware, sold to governments by a private company, can read messages, switch on a phone's microphone and camera and track its location without the owner noticing. The researchers said the pattern of targets pointed to a government client, but could not say which.</p>
<p>"These are reporters whose work depends on people being able to talk to them safely," said the lab's director, Sofia Lindqvist. "Once the phone is compromised, so is every source in it."</p>
<h2>What reporters can do</h2>
<p>The researchers advised journalists to keep their phones updated, restart them daily, which clears some infections, and to use the lockdown modes that phone makers now offer.</p>
<p>The company that makes the spyware said it sells only to vetted government agencies for use against serious crime and terrorism, and that it investigates reports of misuse.</p>
""",
    },
    {
        "slug": "city-library-opens-free-digital-security-clinics",
        "section": "technology",
        "authors": ["amira-saleh"],
        "hours_ago": 70,
        "editors_choice": False,
        "tags": ["digital security", "libraries"],
        "photo": (
            "Visitors at the library's first digital-security clinic on Saturday.",
            "The Meridian",
            "People sit at a long table with laptops while a volunteer explains something.",
        ),
        "headline": "City library opens free digital-security clinics",
        "summary": (
            "Volunteers will help residents set up two-factor sign-in, check their phones for "
            "stalkerware and back up their files."
        ),
        "body": """
<p>The central library began offering free digital-security clinics on Saturday, where volunteers help residents secure their phones and online accounts.</p>
<p>More than 80 people came to the first session. Many wanted help with two-factor sign-in; others asked volunteers to check their phones for stalkerware, apps that secretly share a person's location and messages.</p>
<p>"People are embarrassed to ask their children," said the librarian who started the scheme, Grace Mbeki. "Here nobody is embarrassed."</p>
""",
    },
    {
        "slug": "archive-of-1948-photographs-digitised-and-opened-to-the-public",
        "section": "culture",
        "authors": ["leila-haddad"],
        "hours_ago": 60,
        "editors_choice": False,
        "tags": ["archives", "photography", "history"],
        "photo": (
            "Archivists scan glass-plate negatives at the cultural centre.",
            "Hana Salem / The Meridian",
            "Gloved hands hold a glass negative over a light table.",
        ),
        "headline": "Archive of 1948 photographs digitised and opened to the public",
        "summary": (
            "More than 9,000 glass-plate negatives, many showing villages that no longer "
            "exist, can now be searched online."
        ),
        "body": """
<p>More than 9,000 photographs taken in the 1940s, many showing villages and neighbourhoods that no longer exist, have been digitised and published online by a cultural centre after six years of work.</p>
<p>The glass-plate negatives were kept for decades in a family's basement before being donated in 2018. Archivists have identified people in about a third of the images, often with the help of their grandchildren.</p>
<p>"A woman wrote to us last month: that is my grandmother, at her wedding, and we had never seen her face," said the archive's curator, Mariam Nassar.</p>
""",
    },
    {
        "slug": "film-festival-opens-with-documentary-on-displaced-musicians",
        "section": "culture",
        "authors": ["amira-saleh"],
        "hours_ago": 90,
        "editors_choice": False,
        "tags": ["film", "music", "festivals"],
        "photo": (
            "The festival's opening-night audience before the screening.",
            "The Meridian",
            "An audience seated in a cinema hall, lit by the glow of the screen.",
        ),
        "headline": "Film festival opens with documentary on displaced musicians",
        "summary": (
            "The opening film follows an orchestra whose members live in four countries and "
            "rehearse over video calls."
        ),
        "body": """
<p>The city's film festival opened on Friday with a documentary about an orchestra whose 30 members live in four countries and have not all been in one room for five years.</p>
<p>The film follows the players as they rehearse over unreliable video calls, working around time zones, power cuts and borders, towards a single concert.</p>
<p>"Music is the one thing they could carry with them," said its director, Omar Khatib. The festival runs for ten days and shows 120 films.</p>
""",
    },
]
