# The home page's old fields become its first blocks, on every home page (each language's)
# and in its revisions, so that a site keeps its words and an editor who opens or reverts
# a draft finds them in the blocks.

import json
import uuid

from django.db import migrations
from django.utils.html import escape


def home_blocks(hero_text="", introduction="", body="", join_title="", join_text="", join_page_id=None):
    """The raw blocks (StreamField JSON) that show what the old fields showed, in the same order:
    the lead (the large sentence, then the introduction and the body), the working groups and
    the latest achievements (listed automatically before), the call to join."""
    blocks = []

    def add(block_type, value):
        blocks.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})

    text = (f"<p>{escape(introduction)}</p>" if introduction else "") + (body or "")
    if hero_text:
        # An empty image as the editor saves it (wagtail-localize reads its fields).
        no_image = {"image": None, "alt_text": "", "decorative": False}
        add("lead", {"message": hero_text, "text": text, "image": no_image, "link_text": "", "page": None})
    elif text:
        add("paragraph", text)
    add("working_groups", {"heading": "", "text": ""})
    add("latest_achievements", {"heading": "", "text": "", "count": 3})
    if join_title:
        add(
            "call_to_join",
            {"heading": join_title, "text": join_text, "page": join_page_id, "link_text": "", "signup_button": False},
        )
    return blocks


OLD_FIELDS = ("hero_text", "join_title", "join_text", "join_page")


def forwards(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in HomePage.objects.all():
        page.content = home_blocks(
            page.hero_text, page.introduction, page.body, page.join_title, page.join_text, page.join_page_id
        )
        page.save(update_fields=["content"])
    content_type = ContentType.objects.filter(app_label="home", model="homepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        content = revision.content
        if "hero_text" not in content:
            continue
        blocks = home_blocks(
            content.get("hero_text") or "",
            content.get("introduction") or "",
            content.get("body") or "",
            content.get("join_title") or "",
            content.get("join_text") or "",
            content.get("join_page"),
        )
        for name in OLD_FIELDS:
            content.pop(name, None)
        # A revision keeps a StreamField as its JSON text, under the field's final name.
        content["body"] = json.dumps(blocks)
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_homepage_content"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
