"""Front-end weight and quality: responsive images, compressed responses, a group page under
30 KB on the wire, and a favicon, a meta description and a canonical link on every page."""

import gzip
import html
import re

import pytest

from django.contrib.staticfiles import finders
from django.templatetags.static import static

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Page

from home.models import StandardPage
from home.translation import translate_instance
from resources.models import Resource
from workinggroups.models import AchievementPage, ProjectPage, WorkingGroupIndexPage, WorkingGroupPage

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}


def meta_description(page_html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', page_html)
    assert len(found) == 1, found
    return html.unescape(found[0])


def canonical(page_html):
    found = re.findall(r'<link rel="canonical" href="([^"]*)">', page_html)
    assert len(found) == 1, found
    return found[0]


# --- images -------------------------------------------------------------------------------


@pytest.fixture
def illustrated_page(site_tree):
    photo = get_image_model().objects.create(
        title="Assemblée", file=get_test_image_file_jpeg(size=(2000, 1125)), description="Default alt"
    )
    # One instance per block, as the editor's form gives: ImageBlock keeps its alt text on the image.
    photo_again, photo_thrice = (get_image_model().objects.get(pk=photo.pk) for _ in range(2))
    page = site_tree["fr"].add_child(
        instance=StandardPage(
            title="Notre histoire",
            slug="notre-histoire",
            body=[
                ("image", {"image": photo, "alt_text": "Des membres réunis en assemblée", "decorative": False}),
                ("paragraph", "<p>Depuis 1978.</p>"),
                ("image", {"image": photo_again, "alt_text": "", "decorative": True}),
                ("image", {"image": photo_thrice, "alt_text": "Une salle comble", "decorative": False}),
            ],
        )
    )
    page.save_revision().publish()
    return page


def pictures(page_html):
    """The content's pictures (the header's logo is one too)."""
    main = page_html[page_html.index("<main") : page_html.index("</main>")]
    return re.findall(r"<picture>.*?</picture>", main, re.S)


def img_attrs(picture):
    img = re.search(r"<img([^>]*)>", picture).group(1)
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', img))


def test_content_images_are_responsive_pictures_in_modern_formats(client, illustrated_page):
    response = client.get("/fr/notre-histoire/")
    assert response.status_code == 200
    found = pictures(response.content.decode())
    assert len(found) == 3
    for picture in found:
        sources = re.findall(r"<source([^>]*)>", picture)
        # AVIF first: the browser takes the first type it supports; JPEG is the <img> fallback.
        assert [re.search(r'type="([^"]+)"', source).group(1) for source in sources] == ["image/avif", "image/webp"]
        for source, extension in zip(sources, ["avif", "webp"], strict=True):
            srcset = re.search(r'srcset="([^"]+)"', source).group(1)
            candidates = [candidate.split() for candidate in srcset.split(", ")]
            assert [width for _url, width in candidates] == ["480w", "960w", "1440w"]
            assert all(url.endswith(f".{extension}") for url, _width in candidates)
            assert 'sizes="(min-width: 70rem) 68rem, calc(100vw - 2rem)"' in source
        img = img_attrs(picture)
        assert img["src"].endswith(".jpg")
        assert [candidate.split()[1] for candidate in img["srcset"].split(", ")] == ["480w", "960w", "1440w"]
        # The smallest rendition's size: the browser reserves the right box before it loads.
        assert (img["width"], img["height"]) == ("480", "270")
        assert img["sizes"] == "(min-width: 70rem) 68rem, calc(100vw - 2rem)"
        assert img["decoding"] == "async"


def test_first_image_loads_at_once_and_the_others_lazily_with_their_alt_text(client, illustrated_page):
    first, decorative, last = (img_attrs(p) for p in pictures(client.get("/fr/notre-histoire/").content.decode()))
    assert "loading" not in first
    assert first["fetchpriority"] == "high"
    assert first["alt"] == "Des membres réunis en assemblée"
    assert decorative["loading"] == "lazy"
    assert decorative["alt"] == ""
    assert last["loading"] == "lazy"
    assert last["alt"] == "Une salle comble"


def test_renditions_are_made_once_and_the_files_are_what_they_say(client, illustrated_page):
    from PIL import Image

    client.get("/fr/notre-histoire/")
    photo = get_image_model().objects.get(title="Assemblée")
    renditions = list(photo.renditions.all())
    # Three widths in three formats, shared by the three blocks showing the same image.
    assert len(renditions) == 9
    for rendition in renditions:
        with Image.open(rendition.file.path) as file:
            assert file.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[rendition.file.name.rsplit(".", 1)[1]]
            assert file.size == (rendition.width, rendition.height)


# --- compression and transfer size --------------------------------------------------------


def group_pages():
    return list(WorkingGroupPage.objects.live().order_by("locale__language_code", "path"))


def test_html_responses_are_gzip_compressed(client, site_tree):
    for url in ["/fr/", "/en/", "/fr/resources/", "/en/search/?q=refugees", "/fr/accounts/login/"]:
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in response["Vary"], url
        assert b"<!DOCTYPE html>" in gzip.decompress(response.content)


def static_assets(page_html):
    """The stylesheets and scripts a page loads, as STATIC_URL-relative paths."""
    urls = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page_html)
    urls += re.findall(r'<script[^>]* src="([^"]+)"', page_html)
    prefix = static("")
    assert all(url.startswith(prefix) for url in urls), urls
    return [url.removeprefix(prefix) for url in urls]


@pytest.mark.usefixtures("demo_content")
def test_a_group_page_with_its_css_and_javascript_is_under_30_kb_compressed(client):
    pages = group_pages()
    assert {page.locale.language_code for page in pages} == {"fr", "en"}
    for page in pages:
        response = client.get(page.url, **GZIP)
        assert response["Content-Encoding"] == "gzip"
        total = len(response.content)
        assets = static_assets(gzip.decompress(response.content).decode())
        assert assets, "the page loads no stylesheet: the test would prove nothing"
        for asset in assets:
            path = finders.find(asset)
            assert path, asset
            with open(path, "rb") as file:
                # What whitenoise serves: the file gzipped at level 9 by collectstatic.
                total += len(gzip.compress(file.read(), compresslevel=9, mtime=0))
        assert total < 30 * 1024, (page.url, total)


# --- favicon, meta description, canonical, on every kind of page --------------------------


def public_urls():
    """One URL of each kind of public page, in each language."""
    urls = []
    for language in ["fr", "en"]:
        urls.append(f"/{language}/")
        for model in [WorkingGroupIndexPage, WorkingGroupPage, ProjectPage, AchievementPage]:
            urls.append(model.objects.live().filter(locale__language_code=language).order_by("path").first().url)
        resource = Resource.objects.filter(live=True, locale__language_code=language).order_by("pk").first()
        urls.append(f"/{language}/resources/{resource.slug}/")
        urls += [f"/{language}/resources/", f"/{language}/search/?q=asile", f"/{language}/accounts/login/"]
    return urls


@pytest.mark.usefixtures("demo_content")
def test_every_page_has_a_favicon_a_description_and_a_canonical_link(client):
    favicon = static("img/favicon.svg")
    assert finders.find("img/favicon.svg")
    descriptions = {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        page_html = response.content.decode()
        assert f'<link rel="icon" href="{favicon}" type="image/svg+xml">' in page_html, url
        description = meta_description(page_html)
        assert len(description) > 20, url
        descriptions[url] = description
        assert canonical(page_html) == f"http://testserver{url}", url
    # Each language has its own words; pages with an introduction are described by it.
    assert descriptions["/fr/"] != descriptions["/en/"]
    assert descriptions["/fr/resources/"] != descriptions["/en/resources/"]
    described = [page for page in Page.objects.live().specific() if page.url in descriptions and page.introduction]
    assert {type(page) for page in described} >= {WorkingGroupIndexPage, WorkingGroupPage}
    for page in described:
        assert descriptions[page.url] == page.introduction, page.url


def test_the_promote_tab_description_comes_first(db):  # a new page reads its content type
    group = WorkingGroupPage(title="G", introduction="Le groupe.", search_description="Pour les moteurs de recherche.")
    assert group.meta_description == "Pour les moteurs de recherche."
    assert WorkingGroupPage(title="G", introduction="Le groupe.", summary="<p>Résumé</p>").meta_description == (
        "Le groupe."
    )


def test_without_introduction_the_summary_or_the_first_paragraph_describes_the_page(site_tree):
    group = WorkingGroupPage(
        title="G", summary="<p>Le groupe <b>défend</b> les droits.</p><ul><li>Asile</li><li>Détention</li></ul>"
    )
    assert group.meta_description == "Le groupe défend les droits. Asile Détention"
    long_summary = WorkingGroupPage(title="G", summary="<p>" + "mot " * 50 + "</p>")
    assert long_summary.meta_description == "mot " * 29 + "mot…"
    about = StandardPage(
        title="À propos",
        body=[("heading", "Histoire"), ("paragraph", "<p>Fondé en 1978 à Montréal.</p>"), ("paragraph", "<p>x</p>")],
    )
    assert about.meta_description == "Fondé en 1978 à Montréal."
    assert StandardPage(title="Vide").meta_description == ""


def test_a_page_without_any_text_gets_the_sites_description(client, site_tree, locales):
    page = site_tree["fr"].add_child(instance=StandardPage(title="Vide", slug="vide"))
    page.save_revision().publish()
    translate_instance(page, locales[1], {"Vide": "Empty", "vide": "empty"})
    french = meta_description(client.get("/fr/vide/").content.decode())
    english = meta_description(client.get("/en/empty/").content.decode())
    assert french.startswith("Les groupes de travail")
    assert english == "The coalition's working groups, projects, achievements and resources."


@pytest.mark.parametrize("template", ["404.html", "500.html", "503.html"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_error_pages_have_a_favicon_and_a_description(rf, site_tree, template, language):
    from django.template.loader import render_to_string
    from django.utils import translation

    request = rf.get(f"/{language}/missing/")
    with translation.override(language):
        page_html = render_to_string(template, {"request": request, "LANGUAGE_CODE": language}, request=request)
    assert f'<link rel="icon" href="{static("img/favicon.svg")}" type="image/svg+xml">' in page_html
    assert len(meta_description(page_html)) > 20
    assert f'<html lang="{language}">' in page_html
