"""The review workflow and its task take a bilingual name, "Relecture des communications / Communications review".

Wagtail shows a workflow's and a task's name as stored (status panel, dashboard, history, reports,
notification emails), whatever the admin's language: a name in both languages reads right in both.
A workflow or task staff have since renamed is left alone.
"""

from django.db import migrations

ENGLISH_NAME = "Communications review"
BILINGUAL_NAME = "Relecture des communications / Communications review"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        manager = apps.get_model("wagtailcore", model).objects
        if not manager.filter(name=new).exists():
            manager.filter(name=old).update(name=new)


def to_bilingual(apps, schema_editor):
    rename(apps, ENGLISH_NAME, BILINGUAL_NAME)


def to_english(apps, schema_editor):
    rename(apps, BILINGUAL_NAME, ENGLISH_NAME)


class Migration(migrations.Migration):
    dependencies = [("translations", "0002_communications_review_workflow")]

    operations = [migrations.RunPython(to_bilingual, to_english)]
