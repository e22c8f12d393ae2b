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

# The same kinds of page in Spanish (the demo's sample translation, public in Spanish).
PUBLIC_PAGES |= {
    "home in Spanish": "/es/",
    "conditions A to Z in Spanish": "/es/afecciones/",
    "a guide in Spanish": "/es/afecciones/espasmos-y-calambres-en-las-piernas/",
    "articles in Spanish": "/es/articulos/",
    "an article in Spanish": (
        "/es/articulos/desequilibrios-de-la-pelvis-y-las-extremidades-inferiores-y-escoliosis/"
    ),
    "contact in Spanish": "/es/contacto/",
    "not found (404) in Spanish": "/es/afecciones/no-existe/",
    "search results in Spanish": "/es/buscar/?q=calambres",
    "search with no results in Spanish": "/es/buscar/?q=zzzz",
}
