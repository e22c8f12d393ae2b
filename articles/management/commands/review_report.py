from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError

from articles.selectors import pages_due_for_review


class Command(BaseCommand):
    help = (
        "List the pages whose medical review is overdue or falls due soon, as the admin home "
        "page does. With --email, send each reviewer the list of their own pages. Meant for "
        "cron, e.g. every Monday at 7:00."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CLINIC_REVIEW_WARNING_DAYS,
            help="Also list reviews due within this many days (default: %(default)s).",
        )
        parser.add_argument(
            "--email",
            action="store_true",
            help="Email each reviewer their pages, through Django's EMAIL_* settings.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="With --email: show who would be emailed."
        )

    def handle(self, *args, days, email, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        review = pages_due_for_review(within_days=days)
        if not review:
            self.stdout.write(f"No pages are overdue or due for review within {days} days.")
            return
        for label, pages in (("OVERDUE", review.overdue), ("DUE", review.due_soon)):
            for page in pages:
                reviewer = page.reviewer or "no reviewer"
                self.stdout.write(f"{label:8} {page.next_review_due}  {page.title}  ({reviewer})")
        if email:
            self._email_reviewers(review, dry_run)

    def _email_reviewers(self, review, dry_run):
        by_reviewer = defaultdict(list)
        for page in review.overdue + review.due_soon:
            by_reviewer[page.reviewer].append(page)
        for reviewer, pages in by_reviewer.items():
            address = reviewer and reviewer.user and reviewer.user.email
            if not address:
                self.stderr.write(f"Not emailed: {reviewer or 'no reviewer'} has no email address.")
                continue
            lines = [f"- {page.title}: review due {page.next_review_due}" for page in pages]
            if dry_run:
                self.stdout.write(f"Would email {address}: {len(pages)} pages")
                continue
            send_mail(
                subject=f"{len(pages)} pages due for medical review",
                message="These pages need your review:\n\n" + "\n".join(lines),
                from_email=None,
                recipient_list=[address],
            )
            self.stdout.write(f"Emailed {address}: {len(pages)} pages")
