"""``import_resolutions``: whole rows in both languages, a reason for each row refused, a broken file refused."""

import csv
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from resolutions.models import Resolution, ResolutionPage

pytestmark = pytest.mark.django_db

HEADER = [
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
]
GOOD = [
    "2019-04",
    "adopted",
    "2019-06-01",
    "protection",
    "Réunification",
    "Santé des réfugiés",
    "Refugee health",
    "l'accès aux soins est limité ;\nles délais sont longs ;",
    "access to care is limited;\ndelays are long;",
    "que la coalition demande l'accès aux soins.",
    "that the coalition call for access to care.",
]


def write(tmp_path, rows, header=HEADER):
    path = tmp_path / "resolutions.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(path):
    out = StringIO()
    call_command("import_resolutions", str(path), stdout=out)
    return out.getvalue()


def test_loads_good_rows_and_says_why_each_other_row_was_not_loaded(tmp_path, index, group, topic, english, client):
    unknown_outcome = [*GOOD[:1], "approved", *GOOD[2:]]
    unknown_outcome[0] = "2019-05"
    uneven = list(GOOD)
    uneven[0], uneven[8] = "2019-06", "access to care is limited;"
    output = run(write(tmp_path, [GOOD, unknown_outcome, uneven, GOOD]))
    # A row's line is where it starts in the file (a clause a line: rows span lines).
    assert "line 2: loaded 2019-04" in output
    assert "line 5: not loaded: unknown outcome « approved »" in output
    assert "line 8: not loaded: 2 « whereas » clauses in French, 1 in English" in output
    assert "line 10: not loaded: resolution 2019-04 exists already" in output
    # Never half a row: one record, one page in each language.
    assert list(Resolution.objects.values_list("number", flat=True)) == ["2019-04"]
    page = ResolutionPage.objects.get(locale__language_code="fr")
    english_page = page.get_translation(english)
    assert [block.value for block in english_page.clauses][-1] == "that the coalition call for access to care."
    assert client.get("/en/resolutions/2019-04/")["Location"] == english_page.url
    assert client.get(english_page.url).status_code == 200


def test_a_malformed_file_is_refused_with_the_line_and_nothing_is_loaded(tmp_path, index, group, topic):
    with pytest.raises(CommandError, match="line 5: 11 fields expected"):
        run(write(tmp_path, [GOOD, GOOD[:5]]))
    with pytest.raises(CommandError, match="line 1: the header lacks the column"):
        run(write(tmp_path, [GOOD], header=HEADER[:-1] + ["english"]))
    assert not Resolution.objects.exists()
