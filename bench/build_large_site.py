"""Build a clinic group's worth of sample content: 2,000 guides and 5,000 articles.

    .venv/bin/python bench/build_large_site.py [--dry-run] [--guides N] [--articles N]

Writes into the database DATABASE_URL names (SQLite in var/ by default): run it only on a
database of your own, never a clinic's. `make bench-large` uses `var/large.sqlite3`.
Records are shared the way a real site shares them: a few hundred symptoms, causes and
treatments and a thousand references, each listed on many guides. Every name and text is
invented and says it is sample text; none of it is clinical information.

Idempotent: rows are found again by their slug (DOI, name), so a second run creates nothing
and a larger --guides adds only the missing pages. --dry-run reports and rolls back.
`bench/time_large_site.py` times the pages once it is built.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import (  # noqa: E402
    Article,
    ArticleCallout,
    ArticleCitation,
    Callout,
    Practitioner,
)
from articles.search import refresh_documents, stale_pages  # noqa: E402
from conditions.models import (  # noqa: E402
    AlternativeName,
    BodyRegion,
    CareAdvice,
    Cause,
    Condition,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    ConditionTreatment,
    RedFlag,
    Symptom,
    Treatment,
)
from references.models import Citation, CitationAuthor  # noqa: E402

SAMPLE = "Sample text for load testing, not medical information."
SIZES = {
    "practitioners": 12,
    "regions": 10,
    "symptoms": 300,
    "causes": 200,
    "treatments": 150,
    "citations": 1000,
    "callouts": 20,
}
CONSONANTS, VOWELS = "bdfghjklmnprstvz", "aeiou"
SYLLABLES = [c + v for c in CONSONANTS for v in VOWELS]
KINDS = ["syndrome", "strain", "ache", "stiffness", "irritation", "tightness", "soreness"]
FILLER = (
    "This paragraph is sample text written for load testing. It stands where a practitioner "
    "would write about the condition. The words are plain and the sentences short, so the "
    "page reads like a real guide without saying anything about health. "
)


def made_up_word(rng):
    """A pronounceable word that names nothing real ("Kovarin"), for sample names."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def paragraphs(rng, count, cite_ids=()):
    body = []
    for number in range(count):
        marker = f" [cite:{cite_ids[number]}]" if number < len(cite_ids) else ""
        body.append(f"<p>{FILLER * rng.randint(1, 2)}{SAMPLE}{marker}</p>")
    return "".join(body)


class Builder:
    def __init__(self, guides, articles, seed=12):
        self.rng = random.Random(seed)
        self.guides, self.articles = guides, articles
        self.now = timezone.now()
        self.created = {}

    def missing(self, model, rows, key):
        """Create the rows whose `key` is not stored yet; return every row's id by key."""
        stored = dict(
            model.objects.filter(**{f"{key}__in": [getattr(row, key) for row in rows]}).values_list(
                key, "pk"
            )
        )
        new = [row for row in rows if getattr(row, key) not in stored]
        for start in range(0, len(new), 500):
            model.objects.bulk_create(new[start : start + 500])
        self.count(model, len(new))
        stored.update(
            model.objects.filter(**{f"{key}__in": [getattr(row, key) for row in new]}).values_list(
                key, "pk"
            )
        )
        return stored, {getattr(row, key) for row in new}

    def count(self, model, number):
        name = model._meta.label
        self.created[name] = self.created.get(name, 0) + number

    def links(self, model, rows):
        for start in range(0, len(rows), 1000):
            model.objects.bulk_create(rows[start : start + 1000])
        self.count(model, len(rows))

    def build(self):
        rng = self.rng
        people, _ = self.missing(
            Practitioner,
            [
                Practitioner(name=f"Sample Practitioner {n:02d}", credentials="DC")
                for n in range(SIZES["practitioners"])
            ],
            "name",
        )
        people = list(people.values())
        regions, _ = self.missing(
            BodyRegion,
            [
                BodyRegion(name=f"Sample region {n:02d}", slug=f"sample-region-{n:02d}")
                for n in range(SIZES["regions"])
            ],
            "slug",
        )
        regions = list(regions.values())
        records = {}
        for model in (Symptom, Cause, Treatment):
            kind = model._meta.model_name
            rows = [
                model(
                    name=f"Sample {kind} {n:03d} ({made_up_word(rng)})",
                    slug=f"sample-{kind}-{n:03d}",
                    description=f"One plain sentence about this sample {kind}. {SAMPLE}",
                    details=paragraphs(rng, 1) if n % 3 == 0 else "",
                )
                for n in range(SIZES[f"{kind}s"])
            ]
            stored, _ = self.missing(model, rows, "slug")
            records[model] = list(stored.values())
        citations = self.build_citations()
        callouts, _ = self.missing(
            Callout,
            [
                Callout(
                    label="Sample panel", title=f"Sample callout {n:02d}", body=paragraphs(rng, 1)
                )
                for n in range(SIZES["callouts"])
            ],
            "title",
        )
        callouts = list(callouts.values())
        condition_ids = self.build_conditions(regions, records, citations)
        self.build_pages(people, condition_ids, citations, callouts)

    def build_citations(self):
        rng = self.rng
        rows = [
            Citation(
                kind=rng.choice(["journal-article", "systematic-review", "book", "guideline"]),
                title=f"Sample reference {n:04d}: a title written for load testing",
                container_title="Sample J",
                year=rng.randint(1995, 2025),
                volume=str(rng.randint(1, 80)),
                issue=str(rng.randint(1, 12)),
                pages=f"{rng.randint(1, 400)}-{rng.randint(401, 800)}",
                doi=f"10.5555/sample.large.{n:04d}",
            )
            for n in range(SIZES["citations"])
        ]
        stored, new = self.missing(Citation, rows, "doi")
        authors = [
            CitationAuthor(
                citation_id=stored[doi],
                order=order,
                family_name=f"Sample{made_up_word(rng).lower()}",
                initials=rng.choice(["A", "AB", "J", "KM", "R"]),
            )
            for doi in sorted(new)
            for order in range(rng.randint(1, 8))
        ]
        self.links(CitationAuthor, authors)
        return list(stored.values())

    def build_conditions(self, regions, records, citations):
        rng = self.rng
        rows, names = [], set()
        for n in range(self.guides):
            name = f"{made_up_word(rng)} {rng.choice(KINDS)} (sample {n:04d})"
            names.add(name)
            rows.append(
                Condition(
                    name=name,
                    slug=f"sample-condition-{n:04d}",
                    summary=f"What this sample condition is, in two sentences. {SAMPLE}",
                    body_region_id=rng.choice(regions) if n % 5 else None,
                    symptoms_intro=paragraphs(rng, 1),
                    when_to_get_care=paragraphs(rng, 1),
                    care_urgency=rng.choice([u for u, _label in Condition.Urgency.choices]),
                    causes_intro=paragraphs(rng, 1),
                    treatments_intro=paragraphs(rng, 1),
                )
            )
        stored, new = self.missing(Condition, rows, "slug")
        new_ids = [stored[slug] for slug in sorted(new)]
        self.link_records(new_ids, records, citations)
        return [stored[row.slug] for row in rows]

    def link_records(self, condition_ids, records, citations):
        rng = self.rng
        symptoms, causes, treatments = [], [], []
        citation_links, advice, flags, other_names = [], [], [], []
        for condition_id in condition_ids:
            for order, symptom in enumerate(rng.sample(records[Symptom], rng.randint(3, 7))):
                symptoms.append(
                    ConditionSymptom(
                        condition_id=condition_id,
                        symptom_id=symptom,
                        order=order,
                        note="Sample note for this condition." if order % 2 else "",
                    )
                )
            for model, link_model, out in (
                (Cause, ConditionCause, causes),
                (Treatment, ConditionTreatment, treatments),
            ):
                for order, record in enumerate(rng.sample(records[model], rng.randint(2, 5))):
                    out.append(
                        link_model(
                            condition_id=condition_id,
                            order=order,
                            note=f"<p>Sample note: what is particular here. {SAMPLE}</p>",
                            **{link_model.linked_field + "_id": record},
                        )
                    )
            for order, citation in enumerate(rng.sample(citations, rng.randint(2, 4))):
                citation_links.append(
                    ConditionCitation(condition_id=condition_id, citation_id=citation, order=order)
                )
            for order in range(2):
                advice.append(
                    CareAdvice(
                        condition_id=condition_id, order=order, text=f"Sample care advice {order}."
                    )
                )
            flags.append(RedFlag(condition_id=condition_id, text="sample red-flag sign"))
            if rng.random() < 0.35:
                other_names.append(
                    AlternativeName(
                        condition_id=condition_id,
                        name=f"{made_up_word(rng)} (sample other name {condition_id})",
                    )
                )
        for model, rows in (
            (ConditionSymptom, symptoms),
            (ConditionCause, causes),
            (ConditionTreatment, treatments),
            (ConditionCitation, citation_links),
            (CareAdvice, advice),
            (RedFlag, flags),
            (AlternativeName, other_names),
        ):
            self.links(model, rows)
        # Evidence: one reference on about half of the causes and treatments.
        for link_model in (ConditionCause, ConditionTreatment):
            through = link_model.citations.through
            column = f"{link_model._meta.model_name}_id"
            linked = link_model.objects.filter(condition_id__in=condition_ids).values_list(
                "pk", flat=True
            )
            self.links(
                through,
                [
                    through(**{column: link_id, "citation_id": rng.choice(citations)})
                    for link_id in linked
                    if rng.random() < 0.5
                ],
            )

    def page_fields(self, n, people):
        """State, dates and people of the n-th page: most published, some drafts and
        scheduled; reviews spread from two years overdue to a year ahead."""
        rng = self.rng
        state = rng.random()
        if state < 0.9:
            status, published_at = (
                Article.Status.PUBLISHED,
                self.now - timedelta(days=rng.randint(1, 5 * 365), minutes=n),
            )
        elif state < 0.95:
            status, published_at = (
                Article.Status.PUBLISHED,
                self.now + timedelta(days=rng.randint(1, 60)),
            )
        else:
            status, published_at = Article.Status.DRAFT, None
        last_reviewed = (self.now - timedelta(days=rng.randint(0, 3 * 365))).date()
        return {
            "status": status,
            "published_at": published_at,
            "author_id": rng.choice(people),
            "reviewer_id": rng.choice(people),
            "last_reviewed": last_reviewed,
            "next_review_due": last_reviewed + timedelta(days=365),
        }

    def build_pages(self, people, condition_ids, citations, callouts):
        rng = self.rng
        guides = [
            Article(
                title=f"Sample guide {n:04d}",
                slug=f"sample-guide-{n:04d}",
                condition_id=condition_id,
                body=paragraphs(rng, 3, rng.sample(citations, 1)),
                **self.page_fields(n, people),
            )
            for n, condition_id in enumerate(condition_ids)
        ]
        stories = [
            Article(
                title=f"Sample article {n:04d}: {made_up_word(rng)} and {made_up_word(rng)}",
                slug=f"sample-article-{n:04d}",
                summary=f"One or two sentences for lists. {SAMPLE}",
                body=paragraphs(rng, rng.randint(3, 6), rng.sample(citations, 2)),
                **self.page_fields(n, people),
            )
            for n in range(self.articles)
        ]
        stored, new = self.missing(Article, guides + stories, "slug")
        new_ids = sorted(stored[slug] for slug in new)
        story_ids = set(
            Article.objects.filter(pk__in=new_ids, condition__isnull=True).values_list(
                "pk", flat=True
            )
        )
        page_citations, page_callouts, related = [], [], []
        related_through = Article.related_conditions.through
        for page_id in new_ids:
            if page_id in story_ids:
                for order, citation in enumerate(rng.sample(citations, 2)):
                    page_citations.append(
                        ArticleCitation(article_id=page_id, citation_id=citation, order=order)
                    )
            for condition_id in rng.sample(condition_ids, rng.randint(0, 2)):
                related.append(related_through(article_id=page_id, condition_id=condition_id))
            if rng.random() < 0.1:
                page_callouts.append(
                    ArticleCallout(article_id=page_id, callout_id=rng.choice(callouts))
                )
        self.links(ArticleCitation, page_citations)
        self.links(ArticleCallout, page_callouts)
        self.links(related_through, related)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guides", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--dry-run", action="store_true", help="Report, then roll back.")
    parser.add_argument(
        "--no-search-index", action="store_true", help="Leave the search documents unwritten."
    )
    options = parser.parse_args()
    started = time.perf_counter()
    builder = Builder(options.guides, options.articles)
    with transaction.atomic():
        builder.build()
        if options.dry_run:
            transaction.set_rollback(True)
    verb = "Would create" if options.dry_run else "Created"
    made = {name: number for name, number in builder.created.items() if number}
    if not made:
        print("The large sample site is complete; nothing changed.")
    for name, number in made.items():
        print(f"{verb} {number:>6} {name}")
    if not options.dry_run and not options.no_search_index:
        page_ids = list(stale_pages().values_list("pk", flat=True))
        for start in range(0, len(page_ids), 200):
            refresh_documents(page_ids[start : start + 200])
        if page_ids:
            print(f"Wrote {len(page_ids)} search documents.")
    if not options.dry_run and connection.vendor == "postgresql":
        # What autovacuum would do on a live site after such a load: fresh statistics, and
        # the GIN indexes' pending entries merged (a trigram search reads them one by one).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"Took {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
