"""Patient-phrased searches and the demo page each should find, written before tuning.

The demo clinic (``manage.py load_demo``) has three public pages; each query names the
slug of the page a patient typing it is looking for. They mix lay words, synonyms, typos
and partial words, as typed on a phone. Written down and committed before the search was
tuned; change a query only with a reason in the commit message, never to raise the score.

``NOTHING_TO_FIND`` are searches the demo has no page for: they must list no result.

Used by ``tests/articles/test_search_quality.py`` (the goal: at least 90 % found first)
and ``bench/search_quality.py`` (the figures, on SQLite or PostgreSQL).
"""

LEG_SPASMS = "leg-spasms-and-cramping"
THORACIC = "thoracic-upper-back-pain"
SCOLIOSIS = "pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis"

EXPECTED_PAGE = [
    # Lay words and other names
    ("charley horse", LEG_SPASMS),
    ("leg cramps", LEG_SPASMS),
    ("leg cramp at night", LEG_SPASMS),
    ("calf cramp", LEG_SPASMS),
    ("muscle spasm in my leg", LEG_SPASMS),
    ("legs cramping", LEG_SPASMS),
    ("muscle twitching", LEG_SPASMS),
    ("magnesium for cramps", LEG_SPASMS),
    ("cramps when pregnant", LEG_SPASMS),
    ("dehydration cramps", LEG_SPASMS),
    ("calf muscle tight", LEG_SPASMS),
    ("low electrolytes", LEG_SPASMS),
    ("upper back pain", THORACIC),
    ("middle back pain", THORACIC),
    ("pain between shoulder blades", THORACIC),
    ("back pain from sitting all day", THORACIC),
    ("bad posture back", THORACIC),
    ("rib cage pain", THORACIC),
    ("thoracic spine", THORACIC),
    ("scoliosis", SCOLIOSIS),
    ("flat feet", SCOLIOSIS),
    ("curved spine", SCOLIOSIS),
    ("fallen arches", SCOLIOSIS),
    ("orthotics", SCOLIOSIS),
    ("one leg longer than the other", SCOLIOSIS),
    ("pes valgus", SCOLIOSIS),
    ("short foot exercise", SCOLIOSIS),
    # Typos
    ("thorasic", THORACIC),
    ("upper bak pain", THORACIC),
    ("scolosis", SCOLIOSIS),
    ("skoliosis", SCOLIOSIS),
    ("leg spams", LEG_SPASMS),
    ("charlie horse", LEG_SPASMS),
    ("leg crams", LEG_SPASMS),
    # Partial words
    ("scoli", SCOLIOSIS),
    ("thorac", THORACIC),
    ("mid back", THORACIC),
    ("cramp", LEG_SPASMS),
]

NOTHING_TO_FIND = [
    "diabetes",
    "migraine headache",
    "asthma inhaler",
    "tooth ache",
    "qwertyuiop",
]
