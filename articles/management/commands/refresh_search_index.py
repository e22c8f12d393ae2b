from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import forget_unused_title_words, refresh_documents, stale_pages


class Command(BaseCommand):
    help = (
        "Write the search documents of published pages that are stale or missing, in English "
        "and, for pages public in Spanish, Spanish (searches do this too, a few pages at a "
        "time). With --all, write every page's documents again, in any state. Then drop the "
        "title words no page has any more (typos are matched against them). Safe to run at "
        "any time; --dry-run only counts the pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every page, not only stale ones.")
        parser.add_argument("--dry-run", action="store_true", help="Count, write nothing.")

    def handle(self, *args, all, dry_run, **options):
        pages = Article.objects.all() if all else stale_pages()
        page_ids = list(pages.values_list("pk", flat=True))
        if dry_run:
            self.stdout.write(f"The search documents of {len(page_ids)} pages would be written.")
            return
        written = 0
        for start in range(0, len(page_ids), 100):
            written += refresh_documents(page_ids[start : start + 100])
        self.stdout.write(f"{written} search documents of {len(page_ids)} pages written.")
        forgotten = forget_unused_title_words()
        self.stdout.write(f"{forgotten} title words no page has any more dropped.")
