"""What editors type never reaches visitors as script: rich text, StreamField, no raw HTML."""

import json
import re

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage

SCRIPT = "<script>alert('xss')</script>"
ONERROR = '<img src="x" onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"


def contentstate(text, link_url):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}},
        }
    )


def assert_no_script(html):
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in body.lower()
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", body, re.I), "an element with an event handler attribute"
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", body, re.I), "a javascript: URL"


@pytest.fixture
def editor_client(client, django_user_model, site_tree):
    user = django_user_model.objects.create_superuser(email="richtext@example.org", password="pw-richtext-123")
    client.force_login(user)
    return client


def page_form_data(title, slug, body):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": ONERROR,
            "body": streamfield(body),
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
            "action-publish": "action-publish",
        }
    )


def test_script_typed_by_an_editor_is_not_served(client, editor_client, site_tree):
    home = site_tree["fr"]
    data = page_form_data(
        "Page piégée",
        "page-piegee",
        [
            ("heading", SCRIPT),
            ("paragraph", contentstate(f"Lien {SCRIPT} {ONERROR}", JS_URL)),
            ("quote", {"quote": ONERROR + SCRIPT, "attribution": SCRIPT}),
        ],
    )
    response = editor_client.post(reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = StandardPage.objects.get(slug="page-piegee", alias_of__isnull=True)
    assert page.live

    html = client.get("/fr/page-piegee/").content.decode()
    assert_no_script(html)
    # What was typed is shown as text, escaped, not dropped silently.
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;" in html
    # The javascript: link lost its target.
    paragraph = str(page.body[1].value.source)
    assert "javascript:" not in paragraph


def test_a_javascript_url_is_refused_in_a_link_field(editor_client, site_tree):
    home = site_tree["fr"]
    data = page_form_data(
        "Appel", "appel", [("call_to_action", {"text": "Cliquez", "page": "", "external_url": JS_URL})]
    )
    response = editor_client.post(reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)), data)
    assert response.status_code == 200  # the form again, with an error on the block
    assert not StandardPage.objects.filter(slug="appel").exists()


def test_a_translation_cannot_smuggle_script(client, site_tree, locales):
    """A translator's string goes through wagtail-localize, which refuses markup it did not give."""
    from wagtail_localize.models import MissingTranslationError
    from wagtail_localize.strings import StringValue

    from home.translation import translate_instance

    page = site_tree["fr"].add_child(
        instance=StandardPage(title="Traduite", slug="traduite", introduction="Bonjour tout le monde.")
    )
    page.save_revision().publish()
    with pytest.raises(MissingTranslationError):
        translate_instance(
            page,
            locales[1],
            {"Traduite": "Translated", "traduite": "translated", "Bonjour tout le monde.": f"Hello {SCRIPT}{ONERROR}"},
        )
    # The string was saved flagged as an error (then rolled back with the failed attempt).
    for smuggled in (f"Hello {SCRIPT}", f"Hello {ONERROR}"):
        with pytest.raises(ValueError):
            StringValue.from_translated_html(smuggled)
    assert page.get_translation_or_none(locales[1]) is None
    assert client.get("/en/translated/").status_code == 404


def walk(block, path):
    if isinstance(block, blocks.RawHTMLBlock):
        yield path
    children = getattr(block, "child_blocks", None) or {}
    for name, child in children.items():
        yield from walk(child, f"{path}.{name}")
    child = getattr(block, "child_block", None)
    if child is not None:
        yield from walk(child, f"{path}.item")


def test_no_model_offers_a_raw_html_block():
    """Every StreamField of every model (pages, snippets, settings) is free of RawHTMLBlock."""
    found, fields = [], 0
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                fields += 1
                found += list(walk(field.stream_block, f"{model._meta.label}.{field.name}"))
    assert fields >= 2  # the walk did look at the site's StreamFields
    assert found == []


def test_the_walk_finds_a_raw_html_block():
    """The walker itself works (so the test above can fail)."""
    stream = blocks.StreamBlock([("section", blocks.StructBlock([("html", blocks.RawHTMLBlock())]))])
    assert list(walk(stream, "x")) == ["x.section.html"]
