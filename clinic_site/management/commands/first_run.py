import getpass
import os
import sys

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from clinic_site.models import ClinicProfile
from clinic_site.roles import ROLES, sync_roles

# (flag, ClinicProfile field, question). Required fields are the model's own: name, phone
# and email; the address is optional, as in the admin.
CLINIC_QUESTIONS = [
    ("clinic_name", "name", "Clinic name"),
    ("phone", "phone", "Clinic phone, shown on every page"),
    ("clinic_email", "email", "Clinic email, shown on every page"),
    ("street_address", "street_address", "Street address (optional)"),
    ("city", "locality", "City (optional)"),
    ("state", "region", "State (optional)"),
    ("postal_code", "postal_code", "Postal code (optional)"),
    ("map_url", "map_url", "Map link (optional)"),
]
PASSWORD_VARIABLE = "DJANGO_SUPERUSER_PASSWORD"


class Command(BaseCommand):
    help = (
        "First run on a new server: make sure the staff groups exist, create the first "
        "superuser and save the clinic's details (name, phone, email, address). Asks for "
        "anything not given as a flag; with --no-input, takes the password from "
        f"{PASSWORD_VARIABLE}. Checks every answer first and saves all or nothing."
    )
    stealth_options = ("stdin",)  # as createsuperuser: tests pass the answers

    def add_arguments(self, parser):
        parser.add_argument("--username", help="The superuser's login name.")
        parser.add_argument("--email", help="The superuser's own email address (optional).")
        parser.add_argument(
            "--no-superuser",
            action="store_true",
            help="Only the groups and the clinic's details, e.g. to correct them later.",
        )
        for flag, _field_name, question in CLINIC_QUESTIONS:
            parser.add_argument(f"--{flag.replace('_', '-')}", dest=flag, help=question + ".")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"Ask nothing: every required value comes from flags, the password from "
            f"{PASSWORD_VARIABLE}, and the clinic's current details stand for the rest.",
        )

    def handle(self, *args, **options):
        self.stdin = options.get("stdin", sys.stdin)
        self.interactive = options["interactive"]
        if unapplied_migrations():
            raise CommandError("The database is not migrated: run `manage.py migrate` first.")

        errors = {}  # every bad answer, reported together; any one of them saves nothing
        user = None if options["no_superuser"] else self.collect_superuser(options, errors)
        profile = self.collect_profile(options, errors)
        if errors:
            details = " ".join(
                f"{label}: {' '.join(messages)}" for label, messages in errors.items()
            )
            raise CommandError(f"Nothing was saved. {details}")

        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("Clinic details set by first_run")
            groups_made = ensure_staff_groups()
            if user is not None:
                user.save()
            profile.save()

        if groups_made:
            self.stdout.write(f"Staff groups were missing and are made again: {groups_made}.")
        self.stdout.write("Staff groups: Practitioners, Receptionists.")
        if user is not None:
            self.stdout.write(f"Superuser created: {user.get_username()}.")
        self.stdout.write(f"Clinic details saved: {profile.name}, {profile.phone}.")
        self.stdout.write("Sign in at /admin/ and give each colleague Staff status and a group.")

    # The superuser ---------------------------------------------------------------------

    def collect_superuser(self, options, errors):
        user = get_user_model()(is_staff=True, is_superuser=True)
        username_field = user._meta.get_field(user.USERNAME_FIELD)
        email_field = user._meta.get_field("email")
        username = self.answer(
            options["username"],
            "Superuser's login name",
            lambda value: self.check_username(username_field, value, user),
            errors,
            label="--username",
        )
        email = self.answer(
            options["email"],
            "Superuser's email (optional)",
            lambda value: email_field.clean(value, user),
            errors,
            label="--email",
        )
        setattr(user, user.USERNAME_FIELD, username)
        user.email = email or ""
        password = self.collect_password(user, errors)
        if password is not None:
            user.set_password(password)
        return user

    def check_username(self, field, value, user):
        value = field.clean(value, user)
        if type(user)._default_manager.filter(**{user.USERNAME_FIELD: value}).exists():
            raise ValidationError(
                f"A user named {value!r} already exists; choose another name, or run "
                "with --no-superuser."
            )
        return value

    def collect_password(self, user, errors):
        if not self.interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                errors[PASSWORD_VARIABLE] = ["Set it when using --no-input."]
                return None
            return self.validated(
                PASSWORD_VARIABLE, password, lambda p: validate_password(p, user), errors
            )

        def check(password):
            if not password:
                raise ValidationError("Enter a password.")
            if self.read_secret("Password again: ") != password:
                raise ValidationError("The two passwords differ.")
            validate_password(password, user)
            return password

        return self.ask_until_valid("Password", check, secret=True)

    # The clinic's details --------------------------------------------------------------

    def collect_profile(self, options, errors):
        profile = ClinicProfile.load()
        for flag, field_name, question in CLINIC_QUESTIONS:
            field = ClinicProfile._meta.get_field(field_name)
            current = getattr(profile, field_name) if profile.pk else None
            value = self.answer(
                options[flag],
                question,
                lambda value, field=field: field.clean(value, profile),
                errors,
                label=f"--{flag.replace('_', '-')}",
                current=current,
            )
            if value is not None:
                setattr(profile, field_name, value)
        if not errors:
            try:
                profile.full_clean()
            except ValidationError as error:
                errors.update(error.message_dict)
        return profile

    # Asking and checking ---------------------------------------------------------------

    def answer(self, given, question, clean, errors, *, label, current=None):
        """A flag's value, checked; else, interactively, the person's answer; else current."""
        if given is not None:
            return self.validated(label, given.strip(), clean, errors)
        if self.interactive:
            return self.ask_until_valid(question, clean, current=current)
        return self.validated(label, current or "", clean, errors)

    def validated(self, label, value, clean, errors):
        try:
            cleaned = clean(value)
        except ValidationError as error:
            errors[label] = error.messages
            return None
        return value if cleaned is None else cleaned

    def ask_until_valid(self, question, clean, *, current=None, secret=False):
        prompt = f"{question} [{current}]: " if current else f"{question}: "
        while True:
            value = self.read_secret(prompt) if secret else self.read_line(prompt)
            if not value and current:
                value = current
            try:
                cleaned = clean(value)
            except ValidationError as error:
                self.stderr.write("  " + " ".join(error.messages))
                continue
            return value if cleaned is None else cleaned

    def read_line(self, prompt):
        self.stdout.write(prompt, ending="")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise CommandError(
                "The input ended before every question was answered. Nothing was saved."
            )
        return line.strip()

    def read_secret(self, prompt):
        if self.stdin is sys.stdin and sys.stdin.isatty():
            return getpass.getpass(prompt)
        return self.read_line(prompt)


def migration_executor():
    return MigrationExecutor(connections[DEFAULT_DB_ALIAS])


def unapplied_migrations():
    executor = migration_executor()
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def ensure_staff_groups():
    """Make the staff groups again if someone deleted them; names of those made.

    clinic_site/roles.py is the one definition of what each role may do.
    """
    missing = [
        role.group_name for role in ROLES if not Group.objects.filter(name=role.group_name).exists()
    ]
    if missing:
        sync_roles()
    return ", ".join(missing)
