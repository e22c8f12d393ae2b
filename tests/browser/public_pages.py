"""Every kind of public page, as the demo clinic serves it: what the accessibility and HTML
checks visit. A new kind of public page is one more line here."""

PUBLIC_PAGES = {
    "home": "/",
    "conditions A to Z": "/conditions/",
    "a guide": "/conditions/leg-spasms-and-cramping/",
    "articles": "/articles/",
    "an article": "/articles/pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis/",
    "contact": "/contact/",
    "not found (404)": "/conditions/no-such-condition/",
    "search results": "/search/?q=leg+cramps",
    "search with no results": "/search/?q=zzzz",
}
