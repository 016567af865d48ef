"""Load past resolutions from a CSV file, French with English.

Columns (a header row names them): ``number`` (« 2019-04 »), ``outcome`` (adopted, adopted-as-amended,
defeated, referred, withdrawn), ``decided_on`` (YYYY-MM-DD), ``group`` (the working group's French
slug), ``topic`` (a French topic name, optional), ``title_fr``, ``title_en``, ``whereas_fr``,
``whereas_en``, ``resolved_fr``, ``resolved_en`` (clauses one a line, the same number in both languages).

Each row is loaded whole or not at all, and the command says why for each row it could not load.
A file it cannot read (no such column, a broken line) is refused before anything is loaded.
"""

import csv
import datetime
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from home.translation import translate_instance
from workinggroups.models import Topic, WorkingGroupPage

from ...choices import Outcome, Stage
from ...models import Resolution, ResolutionGroup, ResolutionIndexPage, ResolutionPage, ResolutionTopic
from ...visibility import enforce_record

COLUMNS = (
    "number",
    "outcome",
    "decided_on",
    "group",
    "topic",
    "title_fr",
    "title_en",
    "whereas_fr",
    "whereas_en",
    "resolved_fr",
    "resolved_en",
)
NUMBER = re.compile(r"^(\d{4})-(\d{2,3})$")


class RowError(Exception):
    pass


def clauses(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Command(BaseCommand):
    help = (
        "Load past resolutions (both languages, numbers, outcomes) from a CSV file; reports each row it could not load."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        rows = self.read(file)
        french = Locale.objects.get(language_code="fr")
        english = Locale.objects.get(language_code="en")
        index = ResolutionIndexPage.objects.filter(locale=french).first()
        if index is None:
            raise CommandError("There is no resolutions database page in French to load into.")
        loaded = refused = 0
        for line, row in rows:
            try:
                with transaction.atomic():
                    page = self.load_row(row, index, french, english)
            except RowError as error:
                refused += 1
                self.stdout.write(f"line {line}: not loaded: {error}")
                continue
            loaded += 1
            self.stdout.write(f"line {line}: loaded {page.record.number} « {page.title} »")
        self.stdout.write(f"{loaded} loaded, {refused} not loaded.")

    def read(self, file):
        """Every row with its line number; a file that is not a well-formed CSV of these columns is refused."""
        try:
            with open(file, newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle, strict=True)
                missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
                if missing:
                    raise CommandError(f"line 1: the header lacks the column(s) {', '.join(missing)}.")
                rows = []
                # A row's line is where it starts: a quoted cell may hold several lines (one clause a line).
                start = reader.line_num + 1
                for row in reader:
                    if None in row or any(value is None for value in row.values()):
                        raise CommandError(
                            f"line {start}: {len(reader.fieldnames)} fields expected, another number found."
                        )
                    rows.append((start, row))
                    start = reader.line_num + 1
                return rows
        except csv.Error as error:
            raise CommandError(f"line {reader.line_num}: {error}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {file}: {error}") from None

    def load_row(self, row, index, french, english):
        match = NUMBER.match(row["number"].strip())
        if match is None:
            raise RowError(f"the number « {row['number']} » is not of the form 2019-04")
        number = row["number"].strip()
        if Resolution.objects.filter(number=number).exists():
            raise RowError(f"resolution {number} exists already")
        outcome = row["outcome"].strip()
        if outcome not in Outcome.values:
            raise RowError(f"unknown outcome « {outcome} » (one of {', '.join(Outcome.values)})")
        try:
            decided_on = datetime.date.fromisoformat(row["decided_on"].strip())
        except ValueError:
            raise RowError(f"the date « {row['decided_on']} » is not YYYY-MM-DD") from None
        if decided_on.year != int(match.group(1)):
            raise RowError(f"the number {number} is not of the year of its decision ({decided_on.year})")
        group = WorkingGroupPage.objects.filter(locale=french, slug=row["group"].strip()).first()
        if group is None:
            raise RowError(f"no working group « {row['group']} »")
        topic = None
        if row["topic"].strip():
            topic = Topic.objects.filter(locale=french, name=row["topic"].strip()).first()
            if topic is None:
                raise RowError(f"no topic « {row['topic']} »")
        titles = row["title_fr"].strip(), row["title_en"].strip()
        if not all(titles):
            raise RowError("a title is missing in French or in English")
        pairs = []
        for kind in ("whereas", "resolved"):
            in_french, in_english = clauses(row[f"{kind}_fr"]), clauses(row[f"{kind}_en"])
            if len(in_french) != len(in_english):
                raise RowError(f"{len(in_french)} « {kind} » clauses in French, {len(in_english)} in English")
            pairs.extend(
                (kind, french_text, english_text)
                for french_text, english_text in zip(in_french, in_english, strict=True)
            )
        if not any(kind == "resolved" for kind, _fr, _en in pairs):
            raise RowError("no operative clause (resolved_fr, resolved_en)")
        slug = slugify(f"{number} {titles[0]}")
        if ResolutionPage.objects.child_of(index).filter(slug=slug).exists():
            raise RowError(f"a page « {slug} » exists already")

        record = Resolution.objects.create(
            number=number,
            year=decided_on.year,
            sequence=int(match.group(2)),
            stage=Stage.DECIDED,
            outcome=outcome,
            decided_on=decided_on,
        )
        page = ResolutionPage(
            title=titles[0], slug=slug, record=record, clauses=[(kind, text) for kind, text, _en in pairs]
        )
        page.drafting_groups = [ResolutionGroup(group=group)]
        if topic is not None:
            page.topic_links = [ResolutionTopic(topic=topic)]
        index.add_child(instance=page)
        page.save_revision().publish()
        english_texts = {titles[0]: titles[1], slug: slugify(f"{number} {titles[1]}")}
        english_texts.update({french_text: english_text for _kind, french_text, english_text in pairs})
        translate_instance(page, english, english_texts)
        enforce_record(record)
        return page
