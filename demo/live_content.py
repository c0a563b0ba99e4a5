"""The demo's live coverage (live app): one story still running, one that has ended.

Each story: the article as in demo.content, then its entries oldest first as
(minutes after the start, title, body HTML, author slug, pin). load_demo adds them once.
"""

LIVE_STORIES = [
    {
        "slug": "port-workers-strike-live",
        "section": "business",
        "authors": ["tomas-ferreira"],
        "hours_ago": 5,
        "tags": ["strikes", "ports", "labour", "trade"],
        "photo": (
            "Container cranes stand idle at the port's southern terminal on Thursday morning.",
            "The Meridian",
            "Idle container cranes above stacked shipping containers on a quay.",
        ),
        "headline": "Live: port workers strike over pay and night shifts",
        "summary": (
            "Dockers at the country's largest container port walked out at six on Thursday "
            "morning. Follow the latest on the talks, the queue of ships and what it means "
            "for shops and exporters."
        ),
        "body": """
<p>Dock workers at the country's largest container port stopped work at 6am on Thursday, the first full strike at the port in eleven years. Their union is asking for a 9% pay rise and an end to compulsory night shifts; the port authority has offered 4.5%.</p>
<p>We are following the walkout, the talks and their effect on trade as they happen.</p>
""",
        "ended": False,
        "entries": [
            (
                0,
                "The strike begins",
                "<p>The morning shift did not clock in. Around 300 workers gathered at the main gate, where union officials read out the pay claim through a loudspeaker. Cranes at both terminals are idle.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                14,
                "",
                "<p>The port authority says it has a contingency plan for perishable cargo and that refrigerated containers already on the quay will stay plugged in. It has not said who will move them.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                31,
                "Ships begin to wait offshore",
                "<p>Eight container ships are now at anchor outside the breakwater, according to public vessel-tracking data. Two of them were due to berth before noon.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                47,
                "",
                "<p>The union's general secretary, Marta Oliveira, told reporters at the gate that workers had accepted four years of pay rises below inflation. “We are not asking for a favour. We are asking to be paid what we were paid in 2021,” she said.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                66,
                "What the two sides are offering",
                "<ul><li><strong>Union:</strong> a 9% rise this year, night shifts voluntary, a second crane driver on long lifts.</li><li><strong>Port authority:</strong> 4.5% this year and 3% next, a night-shift bonus, a review of crane staffing by March.</li></ul>",
                "tomas-ferreira",
                "key_event",
            ),
            (
                82,
                "",
                "<p>Exporters' association figures suggest about 1,400 containers a day pass through the port. Its director said members with fruit shipments due this week were looking for space at smaller ports along the coast, at higher cost.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                105,
                "Minister calls both sides to talks",
                "<p>The labour minister has invited the union and the port authority to meet at the ministry at 3pm. Both have accepted. The minister said she would not take sides but wanted “a settlement this week, not this month”.</p>",
                "daniel-okafor",
                "",
            ),
            (
                131,
                "",
                "<p>Truck drivers queuing at the northern gate say they have been told to wait, not to turn back. The queue stretches about two kilometres along the port road; police have closed one lane.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                158,
                "",
                "<p>Supermarket chains say shelves are not affected yet. One chain's spokesperson said most imported food reaching stores this week was already through customs before the walkout began.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                187,
                "Talks under way",
                "<p>Negotiators from both sides arrived at the ministry shortly before three. Neither spoke to reporters on the way in.</p>",
                "daniel-okafor",
                "",
            ),
            (
                214,
                "",
                "<p>A correction to our earlier entry: the queue of trucks at the northern gate is about two kilometres long, not four as first reported by the port police.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                246,
                "",
                "<p>The union says the strike will continue through the night shift whatever happens at the ministry this afternoon, and that any offer will be put to a vote of members before workers return.</p>",
                "tomas-ferreira",
                "",
            ),
            (
                271,
                "Talks break for the evening",
                "<p>The talks have broken up for the evening without agreement and will resume at 9am on Friday. A ministry statement called the first session “constructive”. The strike goes on overnight.</p>",
                "daniel-okafor",
                "",
            ),
        ],
    },
    {
        "slug": "court-rules-on-spyware-export-licences-live",
        "section": "technology",
        "authors": ["amira-saleh"],
        "hours_ago": 30,
        "tags": ["surveillance", "courts", "export controls"],
        "photo": (
            "Campaigners and journalists wait outside the administrative court before the ruling.",
            "The Meridian",
            "People holding folders wait on the steps of a stone court building.",
        ),
        "headline": "Live: court rules on spyware export licences",
        "summary": (
            "The administrative court gave its ruling on the government's licences for "
            "exports of surveillance software. Our coverage of the day has ended."
        ),
        "body": """
<p>The administrative court ruled on Tuesday on a challenge by three rights groups to export licences granted for surveillance software sold to foreign governments.</p>
""",
        "ended": True,
        "entries": [
            (
                0,
                "Court sits",
                "<p>The three judges took their seats at 10am. The courtroom is full; about forty people are following on a screen in the hall outside.</p>",
                "amira-saleh",
                "",
            ),
            (
                22,
                "",
                "<p>The presiding judge said the ruling would be read in summary, with the full judgment published online this afternoon.</p>",
                "amira-saleh",
                "",
            ),
            (
                41,
                "Licences set aside",
                "<p>The court has set aside two of the five licences under challenge, finding that the ministry did not assess the risk that the software would be used against journalists. The other three stand.</p>",
                "amira-saleh",
                "",
            ),
            (
                63,
                "",
                "<p>Lawyers for the rights groups called the ruling “a first, partial answer” and said they were considering an appeal on the remaining licences.</p>",
                "amira-saleh",
                "",
            ),
            (
                95,
                "Ministry responds",
                "<p>The trade ministry said it would study the judgment and that the two exports concerned had not taken place while the case was pending.</p>",
                "amira-saleh",
                "",
            ),
            (
                120,
                "What the ruling means",
                "<p>Two of five contested export licences are cancelled; the ministry must assess again, this time including the risk to journalists and lawyers, before any new licence for those buyers. The other three licences remain valid. Either side may appeal within a month. Our live coverage has ended; the full story follows.</p>",
                "amira-saleh",
                "summary",
            ),
        ],
    },
]
