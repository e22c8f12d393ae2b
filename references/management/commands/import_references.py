from pathlib import Path

import reversion
from django.core.management.base import BaseCommand, CommandError

from references.importing import import_references, preview_import
from references.parsing import PasteTooLarge, check_paste_size


class Command(BaseCommand):
    help = (
        "Import references from a text file: AMA, Vancouver/NLM (with PMID), APA, MLA, "
        "Chicago, PubMed's cite style, bare DOIs or DOI/PubMed links, BibTeX or RIS, "
        "several at once. "
        "Reuses references already present (same DOI or PMID) and keeps any it cannot "
        "read as written, flagged 'needs checking'."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file of references.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; save nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except IsADirectoryError:
            raise CommandError(f"{path} is a folder, not a file.") from None
        except UnicodeDecodeError:
            raise CommandError(
                f"{path} is not UTF-8 text; save it as UTF-8 and try again."
            ) from None
        if not text.strip():
            raise CommandError(f"{path} is empty: there are no references to import.")

        try:
            check_paste_size(text)
        except PasteTooLarge as error:
            raise CommandError(f"{path}: {error}") from None
        if dry_run:
            result = preview_import(text)
        else:
            with reversion.create_revision():
                reversion.set_comment(f"Imported from {path.name}")
                result = import_references(text)

        verb = "Would create" if dry_run else "Created"
        for item in result.references:
            citation = item.citation
            if item.reused:
                where = f"#{citation.pk}" if citation.pk else "(repeated in this file)"
                self.stdout.write(f"REUSED   {where} {citation.title[:90]}")
            elif item.problems:
                self.stdout.write(f"CHECK    {citation.title[:90]}")
                for problem in item.problems:
                    self.stdout.write(f"           - {problem}")
            else:
                self.stdout.write(f"CREATED  {citation.title[:90]}")
        self.stdout.write(
            f"{verb} {len(result.created)}, reused {len(result.reused)}; "
            f"{len(result.incomplete)} of those created need checking "
            "(read only in part; original text kept)."
        )
