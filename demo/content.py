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
<aside class="fact-box"><h2>What we know</h2><ul><li><p>64 boats went out on Tuesday, the first full day of fishing in three weeks.</p></li><li><p>Fuel trucks were allowed through the southern crossing on Monday.</p></li><li><p>The union says the fuel delivered will last about ten days.</p></li><li><p>The harbour's only ice plant is running again.</p></li></ul></aside>
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

# The other editions: the site's own texts, section names and descriptions, and three stories
# told again in Arabic and French (each a translation of the English story it names).
SITE_TRANSLATIONS = {
    "ar": {
        "name": "ميريديان",
        "tagline": "أخبار دولية مستقلة",
        "alternate_addresses_intro": "يمكن الوصول إلى موقع ميريديان أيضاً عبر العناوين البديلة التالية:",
        "links": ["meridian-news.example.net", "meridian.example.org", "تطبيق أندرويد",
                  "تطبيق آيفون", "تطبيق التلفزيون"],
    },
    "fr": {
        "name": "The Meridian",
        "tagline": "L’actualité internationale indépendante",
        "alternate_addresses_intro": "Le site de The Meridian est aussi accessible aux adresses suivantes :",
        "links": ["meridian-news.example.net", "meridian.example.org", "Application Android",
                  "Application iPhone", "Application TV"],
    },
}  # fmt: skip

# slug: {language: (name, description)}
SECTION_TRANSLATIONS = {
    "news": {"ar": ("أخبار", "تقارير مراسلينا حول العالم."),
             "fr": ("Actualité", "Les reportages de nos correspondants dans le monde.")},
    "palestine": {"ar": ("فلسطين", "غزة والضفة الغربية والقدس."),
                  "fr": ("Palestine", "Gaza, la Cisjordanie et Jérusalem.")},
    "middle-east": {"ar": ("الشرق الأوسط", "من الخليج إلى بلاد الشام."),
                    "fr": ("Moyen-Orient", "Du Golfe au Levant.")},
    "world": {"ar": ("العالم", "أخبار دولية أبعد من المنطقة."),
              "fr": ("Monde", "L’actualité internationale au-delà de la région.")},
    "politics": {"ar": ("سياسة", "البرلمانات والانتخابات ومن يديرونها."),
                 "fr": ("Politique", "Parlements, élections et ceux qui gouvernent.")},
    "business": {"ar": ("اقتصاد", "الأسواق والتجارة والعمل والمال."),
                 "fr": ("Économie", "Marchés, commerce, travail et argent.")},
    "technology": {"ar": ("تكنولوجيا", "المراقبة والأمن والأدوات التي يعتمد عليها الناس."),
                   "fr": ("Technologie", "Surveillance, sécurité et outils dont chacun dépend.")},
    "culture": {"ar": ("ثقافة", "السينما والموسيقى والكتب والفنون."),
                "fr": ("Culture", "Cinéma, musique, livres et arts.")},
}  # fmt: skip

# Like ARTICLES, with the language and the English story each translates; the lead photo is the
# original's, with a caption and alt text in the translation's language. In bodies,
# [[photo:name]] is the original's photo of that name.
TRANSLATIONS = [
    {
        "translation_of": "gaza-fishermen-return-to-sea-as-fuel-deliveries-resume",
        "language": "ar",
        "slug": "صيادو-غزة-يعودون-إلى-البحر-مع-استئناف-إمدادات-الوقود",
        "authors": ["leila-haddad"],
        "tags": ["غزة", "الصيد", "الوقود", "المساعدات الإنسانية"],
        "caption": "صورة أرشيفية لقوارب صيد راسية في ميناء مدينة غزة عند الغروب.",
        "alt": "قوارب صيد صغيرة راسية جنباً إلى جنب في ميناء عند الغروب.",
        "headline": "صيادو غزة يعودون إلى البحر مع استئناف إمدادات الوقود",
        "summary": (
            "غادرت عشرات القوارب ميناء مدينة غزة قبل الفجر يوم الثلاثاء، في أول يوم صيد كامل منذ "
            "ثلاثة أسابيع، بعد السماح لشاحنات الوقود بالعبور من المعبر."
        ),
        "body": """
<p>غادرت عشرات من قوارب الصيد ميناء مدينة غزة قبل فجر الثلاثاء، وقد دارت محركاتها للمرة الأولى منذ ثلاثة أسابيع بعد استئناف إمدادات الوقود عبر المعبر الجنوبي.</p>
<p>وقالت نقابة الصيادين إن 64 قارباً خرجت إلى البحر، بقي معظمها على بعد ثلاثة أميال بحرية من الشاطئ. وقال يوسف أبو حصيرة، 52 عاماً، الذي يصطاد في المياه نفسها منذ طفولته: «لدينا شباك لم تبتلّ منذ بداية الشهر. اليوم سيأكل أبنائي مما نصطاده، وسنبيع الباقي».</p>
<aside class="fact-box"><h2>ما نعرفه</h2><ul><li><p>خرج 64 قارباً يوم الثلاثاء، في أول يوم صيد كامل منذ ثلاثة أسابيع.</p></li><li><p>سُمح لشاحنات الوقود بعبور المعبر الجنوبي يوم الاثنين.</p></li><li><p>تقول النقابة إن الوقود الذي وصل يكفي نحو عشرة أيام.</p></li><li><p>عاد مصنع الثلج الوحيد في الميناء إلى العمل.</p></li></ul></aside>
<p>كان نقص الوقود قد أبقى الأسطول معطلاً وأغلق مصنع الثلج الوحيد في الميناء، ومن دونه يفسد الصيد خلال ساعات في الحر. وحذّرت وكالات الإغاثة الأسبوع الماضي من أن توقف الصيد، وهو من المصادر القليلة المتبقية للبروتين الطازج في القطاع، يزيد انعدام الأمن الغذائي سوءاً.</p>
<figure class="pull-quote"><blockquote><p>كل يوم تبقى فيه القوارب في الميناء تفقد أربعة آلاف عائلة دخلها.</p></blockquote><figcaption>نزار عياش، أمين سر نقابة الصيادين</figcaption></figure>
<p>وقال عياش إن استئناف الصيد خبر طيب لكنه هشّ. وأضاف: «لدينا وقود لعشرة أيام. بعد ذلك لم يخبرنا أحد بشيء».</p>
<aside data-embed="https://video.example.org/meridian/gaza-boats-leave-harbour">فيديو: القوارب تغادر ميناء مدينة غزة قبل الفجر</aside>
<h2>منطقة صيد تضيق</h2>
<p>يقول الصيادون إن حدود المنطقة المسموح بها تغيّرت مرات كثيرة حتى إن كثيرين منهم لم يعودوا يعرفون إلى أي مسافة يمكنهم الإبحار. وصودرت عدة قوارب العام الماضي، ووثّقت منظمات حقوقية إصابات بين أطقم القوارب في البحر.</p>
<hr>
<p>مع منتصف الصباح عادت القوارب الأولى، واجتمع حشد صغير على الرصيف لشراء السردين بالكيلو. وقال التجار إن الأسعار كانت نصف ما كانت عليه قبل أسبوع.</p>
<figure data-photo="[[photo:quay]]" data-caption="تجار يشترون السردين بالكيلو على الرصيف مع عودة القوارب الأولى." data-alt="حشد حول صناديق من الأسماك الفضية الصغيرة على رصيف ميناء."></figure>
""",
    },
    {
        "translation_of": "gaza-fishermen-return-to-sea-as-fuel-deliveries-resume",
        "language": "fr",
        "slug": "a-gaza-les-pecheurs-reprennent-la-mer-avec-le-retour-du-carburant",
        "authors": ["leila-haddad"],
        "tags": ["Gaza", "pêche", "carburant", "aide humanitaire"],
        "caption": "Photo d’archives : des bateaux de pêche amarrés dans le port de Gaza au crépuscule.",
        "alt": "De petits bateaux de pêche amarrés côte à côte dans un port au crépuscule.",
        "headline": "À Gaza, les pêcheurs reprennent la mer avec le retour du carburant",
        "summary": (
            "Des dizaines de bateaux ont quitté le port de Gaza avant l’aube mardi, première "
            "journée complète de pêche depuis trois semaines, après l’entrée de camions de "
            "carburant par le point de passage."
        ),
        "body": """
<p>Des dizaines de bateaux de pêche ont quitté le port de Gaza avant l’aube mardi, moteurs en marche pour la première fois depuis trois semaines, après la reprise des livraisons de carburant au point de passage sud.</p>
<p>Selon le syndicat des pêcheurs, 64 bateaux sont sortis, la plupart sans s’éloigner de plus de trois milles nautiques de la côte. « Nous avons des filets qui n’ont pas touché l’eau depuis le début du mois », dit Youssef Abou Hassira, 52 ans, qui pêche dans ces eaux depuis l’enfance. « Aujourd’hui mes fils mangeront ce que nous prendrons, et nous vendrons le reste. »</p>
<aside class="fact-box"><h2>Ce que l’on sait</h2><ul><li><p>64 bateaux sont sortis mardi, première journée complète de pêche depuis trois semaines.</p></li><li><p>Des camions de carburant ont franchi le point de passage sud lundi.</p></li><li><p>Le syndicat estime que le carburant livré durera une dizaine de jours.</p></li><li><p>L’unique fabrique de glace du port fonctionne de nouveau.</p></li></ul></aside>
<p>La pénurie de carburant avait immobilisé la flotte et arrêté l’unique fabrique de glace du port, sans laquelle une prise se gâte en quelques heures sous la chaleur. Les agences humanitaires avaient averti la semaine dernière que l’arrêt de la pêche, l’une des dernières sources de protéines fraîches du territoire, aggravait l’insécurité alimentaire.</p>
<figure class="pull-quote"><blockquote><p>Chaque jour où les bateaux restent au port, 4 000 familles perdent leur revenu.</p></blockquote><figcaption>Nizar Ayyash, secrétaire du syndicat des pêcheurs</figcaption></figure>
<p>Pour Nizar Ayyash, la reprise est bienvenue mais fragile. « Nous avons du carburant pour dix jours. Après, personne ne nous a rien dit », explique-t-il.</p>
<aside data-embed="https://video.example.org/meridian/gaza-boats-leave-harbour">Vidéo : les bateaux quittent le port de Gaza avant l’aube</aside>
<h2>Une zone de pêche qui rétrécit</h2>
<p>Les pêcheurs disent que la zone autorisée a changé si souvent que beaucoup ne savent plus jusqu’où ils peuvent aller. Plusieurs bateaux ont été confisqués l’an dernier, et des organisations de défense des droits ont recensé des blessés parmi les équipages en mer.</p>
<hr>
<p>En milieu de matinée, les premiers bateaux étaient de retour et une petite foule s’était formée sur le quai pour acheter des sardines au kilo. Les prix, selon les marchands, avaient baissé de moitié par rapport à la semaine précédente.</p>
<figure data-photo="[[photo:quay]]" data-caption="Des marchands achètent des sardines au kilo sur le quai au retour des premiers bateaux." data-alt="Une foule autour de caisses de petits poissons argentés sur un quai."></figure>
""",
    },
    {
        "translation_of": "parliament-passes-press-freedom-bill-after-all-night-session",
        "language": "ar",
        "slug": "البرلمان-يقر-قانون-حرية-الصحافة-بعد-جلسة-استمرت-طوال-الليل",
        "authors": ["daniel-okafor"],
        "tags": ["حرية الصحافة", "البرلمان", "الصحافة"],
        "caption": "أعضاء البرلمان يصوّتون على قانون حرية الصحافة في الساعات الأولى من يوم الجمعة.",
        "alt": "قاعة برلمان من الشرفة وأعضاء يرفعون أيديهم.",
        "headline": "البرلمان يقرّ قانون حرية الصحافة بعد جلسة استمرت طوال الليل",
        "summary": (
            "يحمي القانون الصحفيين من إجبارهم على كشف مصادرهم ويقيّد استخدام المراقبة ضدهم."
        ),
        "body": """
<p>أقرّ البرلمان في الساعات الأولى من يوم الجمعة قانوناً يحمي مصادر الصحفيين، بعد جلسة استمرت طوال الليل فرض فيها نواب المعارضة التصويت على كل بند من بنوده الـ41.</p>
<p>ويمنع القانون المحاكم من أمر الصحفيين بكشف مصادرهم إلا إذا كانت حياة إنسان في خطر داهم، ويشترط موافقة قاضٍ قبل أي مراقبة لهاتف صحفي أو حاسوبه.</p>
<p>وقالت هيلينا برانت، التي قدّمت مشروع القانون: «المصدر الذي لا يثق بالصحفي لا يتصل به. من دون مصادر لا توجد صحافة، بل بيانات صحفية فقط».</p>
<blockquote><p>«هذا أهم تغيير في قانون الإعلام منذ جيل».</p></blockquote>
<p>هكذا وصفته النقابة الوطنية للصحفيين، التي ناضلت من أجل القانون منذ سُجن صحفي قبل أربع سنوات لرفضه الكشف عن هوية مُبلّغ.</p>
<p>وقال منتقدون في الائتلاف الحاكم إن ضمانات المراقبة قد تبطئ التحقيقات الجنائية. ويدخل القانون حيّز التنفيذ في يناير/كانون الثاني.</p>
""",
    },
    {
        "translation_of": "journalists-phones-targeted-by-commercial-spyware-researchers-say",
        "language": "ar",
        "slug": "برنامج-تجسس-تجاري-استهدف-هواتف-صحفيين-بحسب-باحثين",
        "authors": ["amira-saleh"],
        "tags": ["برامج التجسس", "المراقبة", "حرية الصحافة", "الأمن الرقمي"],
        "caption": "باحث يفحص حركة بيانات هاتف في المختبر.",
        "alt": "شخص إلى مكتب ينظر إلى أسطر نصية على حاسوب محمول بجانب هاتف ذكي.",
        "headline": "برنامج تجسس تجاري استهدف هواتف صحفيين، بحسب باحثين",
        "summary": (
            "عثر مختبر جامعي على آثار اختراق في هواتف ستة صحفيين غطّوا قضايا فساد، ويرجّح أن "
            "يكون الزبون جهة حكومية."
        ),
        "body": """
<p>أُصيبت هواتف ستة صحفيين غطّوا قضايا فساد ببرنامج تجسس تجاري العام الماضي، وفق تقرير نشره يوم الثلاثاء باحثون في مختبر جامعي للأمن الرقمي.</p>
<p>ويستطيع برنامج التجسس، الذي تبيعه شركة خاصة للحكومات، قراءة الرسائل وتشغيل ميكروفون الهاتف وكاميرته وتتبع موقعه من دون أن يلاحظ صاحبه. وقال الباحثون إن نمط الأهداف يشير إلى زبون حكومي، لكنهم لم يستطيعوا تحديده.</p>
<p>وقالت مديرة المختبر صوفيا ليندكفيست: «هؤلاء صحفيون يعتمد عملهم على قدرة الناس على التحدث إليهم بأمان. حين يُخترق الهاتف، يُكشف كل مصدر فيه».</p>
<h2>ما الذي يمكن للصحفيين فعله</h2>
<p>ونصح الباحثون الصحفيين بتحديث هواتفهم باستمرار، وإعادة تشغيلها يومياً لأن ذلك يزيل بعض الإصابات، واستخدام أوضاع الحماية المشددة التي يوفرها مصنّعو الهواتف الآن.</p>
<p>وقالت الشركة المصنّعة لبرنامج التجسس إنها لا تبيعه إلا لجهات حكومية خضعت للتدقيق لاستخدامه ضد الجرائم الخطيرة والإرهاب، وإنها تحقق في بلاغات إساءة الاستخدام.</p>
""",
    },
    {
        "translation_of": "parliament-passes-press-freedom-bill-after-all-night-session",
        "language": "fr",
        "slug": "le-parlement-adopte-la-loi-sur-la-liberte-de-la-presse-apres-une-nuit-de-debats",
        "authors": ["daniel-okafor"],
        "tags": ["liberté de la presse", "parlement", "journalisme"],
        "caption": "Les députés votent la loi sur la liberté de la presse aux premières heures de vendredi.",
        "alt": "Un hémicycle vu depuis la tribune, des députés lèvent la main.",
        "headline": "Le Parlement adopte la loi sur la liberté de la presse après une nuit de débats",
        "summary": (
            "Le texte protège les journalistes contre l’obligation de révéler leurs sources et "
            "encadre la surveillance des reporters."
        ),
        "body": """
<p>Le Parlement a adopté aux premières heures de vendredi une loi protégeant les sources des journalistes, au terme d’une séance de nuit au cours de laquelle l’opposition a imposé un vote sur chacun de ses 41 articles.</p>
<p>La loi interdit aux tribunaux d’ordonner à un journaliste de révéler ses sources, sauf lorsqu’une vie est en danger immédiat, et exige l’accord d’un juge avant toute surveillance du téléphone ou de l’ordinateur d’un journaliste.</p>
<p>« Une source qui ne peut pas faire confiance à un journaliste ne l’appelle pas », a déclaré la rapporteure du texte, Helena Brandt. « Sans sources, il n’y a pas de journalisme, seulement des communiqués. »</p>
<blockquote><p>« C’est le changement le plus important du droit des médias depuis une génération. »</p></blockquote>
<p>C’est le jugement du syndicat national des journalistes, qui militait pour cette loi depuis qu’un reporter a été emprisonné, il y a quatre ans, pour avoir refusé d’identifier un lanceur d’alerte.</p>
<p>Des critiques au sein de la coalition au pouvoir estiment que les garanties contre la surveillance pourraient ralentir les enquêtes pénales. La loi entrera en vigueur en janvier.</p>
""",
    },
    {
        "translation_of": "journalists-phones-targeted-by-commercial-spyware-researchers-say",
        "language": "fr",
        "slug": "des-telephones-de-journalistes-cibles-par-un-logiciel-espion-commercial",
        "authors": ["amira-saleh"],
        "tags": ["logiciels espions", "surveillance", "liberté de la presse", "sécurité numérique"],
        "caption": "Un chercheur examine le trafic réseau d’un téléphone au laboratoire.",
        "alt": "Une personne à un bureau regarde des lignes de texte sur un ordinateur portable, à côté d’un smartphone.",
        "headline": "Des téléphones de journalistes ciblés par un logiciel espion commercial, selon des chercheurs",
        "summary": (
            "Un laboratoire universitaire a trouvé des traces d’infection sur les téléphones de "
            "six reporters qui enquêtaient sur des affaires de corruption, et désigne un client "
            "gouvernemental probable."
        ),
        "body": """
<p>Les téléphones de six journalistes qui enquêtaient sur des affaires de corruption ont été infectés l’an dernier par un logiciel espion commercial, selon un rapport publié mardi par les chercheurs d’un laboratoire universitaire de sécurité numérique.</p>
<p>Le logiciel, vendu aux gouvernements par une entreprise privée, peut lire les messages, activer le micro et la caméra d’un téléphone et suivre sa position à l’insu de son propriétaire. Les chercheurs estiment que le profil des cibles désigne un client gouvernemental, sans pouvoir dire lequel.</p>
<p>« Ce sont des reporters dont le travail dépend de la possibilité de leur parler en sécurité », souligne la directrice du laboratoire, Sofia Lindqvist. « Une fois le téléphone compromis, chaque source qu’il contient l’est aussi. »</p>
<h2>Ce que les journalistes peuvent faire</h2>
<p>Les chercheurs conseillent aux journalistes de mettre leur téléphone à jour, de le redémarrer chaque jour, ce qui efface certaines infections, et d’utiliser les modes de protection renforcée que proposent désormais les fabricants.</p>
<p>L’entreprise qui fabrique le logiciel affirme ne le vendre qu’à des agences gouvernementales contrôlées, pour lutter contre la criminalité grave et le terrorisme, et enquêter sur les signalements d’abus.</p>
""",
    },
]

# The names of each story's extra photos, in the order load_demo stores them.
ARTICLE_PHOTO_NAMES = {data["slug"]: list(data.get("extra_photos", {})) for data in ARTICLES}

# The desk's thread on one story (notes app, issue #18): a blocking note resolved before the
# story went out, and an open question for the follow-up. (slug, text, quote, blocking, resolved)
DESK_NOTES = [
    (
        "journalists-phones-targeted-by-commercial-spyware-researchers-say",
        "Legal must read the paragraph on the government client before this goes out: we say "
        "the lab 'could not say which', keep it that way.",
        "The researchers said the pattern of targets pointed to a government client",
        True,
        True,
    ),
    (
        "journalists-phones-targeted-by-commercial-spyware-researchers-say",
        "For the follow-up: ask the lab whether the six reporters agreed to be counted, and "
        "whether any of them will talk on the record.",
        "",
        False,
        False,
    ),
]
# Written only when the server has a key (SOURCE_NOTES_KEYS); invented, like every demo name.
SOURCE_NOTE = (
    "journalists-phones-targeted-by-commercial-spyware-researchers-say",
    "Second lab contact (not Lindqvist): a research assistant who shared the device list. "
    "Reach through the lab's public Signal number only, never by email. Must not be named "
    "or described by role: there are two assistants.",
)
