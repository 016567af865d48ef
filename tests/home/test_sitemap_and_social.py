"""What other programs read of the public pages: the sitemap (pages and the resource library,
with the same hreflang alternates as each page's <head>), Open Graph and Twitter card tags,
and the title. Every absolute address is the public one (SITE_URL), not the request's host."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.conf import settings as django_settings

from wagtail.models import Page, PageViewRestriction

from home.models import BasePage, SiteFooter, StandardPage
from home.visibility import publicly_listed
from resources.models import Resource

pytestmark = pytest.mark.django_db

PUBLIC = "https://coalition.example"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def public_address(settings):
    """A public address that is not the test client's host (testserver), and no page cache."""
    settings.SITE_URL = PUBLIC
    settings.PAGE_CACHE_ENABLED = False
    return PUBLIC


def sitemap(client):
    from defusedxml import ElementTree

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }


def head(client, url):
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def alternates(soup):
    return {(link["hreflang"], link["href"]) for link in soup.find_all("link", rel="alternate", hreflang=True)}


def og(soup, name):
    tags = soup.find_all("meta", property=name) or soup.find_all("meta", attrs={"name": name})
    return [tag["content"] for tag in tags]


def test_the_sitemap_gives_each_page_and_resource_the_alternates_of_its_head(client, demo_content, public_address):
    urls = sitemap(client)
    assert urls
    for location, links in urls.items():
        assert location.startswith(PUBLIC + "/"), location
        soup = head(client, location)
        assert soup.find("link", rel="canonical")["href"] == location
        assert links == alternates(soup), location
        languages = {hreflang for hreflang, _href in links}
        # Every URL of the demo has its French version, so x-default.
        assert {"x-default", "fr"} <= languages, location


def test_the_sitemap_lists_every_public_page_and_resource_and_nothing_else(client, demo_content, public_address):
    urls = sitemap(client)
    for language in ("fr", "en"):
        assert f"{PUBLIC}/{language}/resources/" in urls
    public_resources = Resource.objects.downloadable_by(None)
    members_only = Resource.objects.live().filter(audience=Resource.Audience.MEMBERS)
    assert public_resources.exists() and members_only.exists()
    for resource in public_resources:
        assert PUBLIC + resource.get_url() in urls
    for resource in members_only:
        assert PUBLIC + resource.get_url() not in urls
    resource_urls = {url for url in urls if "/resources/" in url}
    assert len(resource_urls) == public_resources.count() + 2
    listed = publicly_listed(Page.objects.filter(depth__gt=1))
    assert len(urls) - len(resource_urls) == listed.count()
    # Aliases (untranslated placeholders) and unpublished pages are left out.
    for page in Page.objects.filter(depth__gt=1).exclude(pk__in=listed.values("pk")):
        assert PUBLIC + page.url not in urls


def test_the_sitemap_leaves_out_a_restricted_section_and_its_descendants(client, site_tree, public_address):
    section = site_tree["fr"].add_child(instance=StandardPage(title="Réservé", slug="reserve"))
    section.save_revision().publish()
    section.add_child(instance=StandardPage(title="Dessous", slug="dessous")).save_revision().publish()
    assert f"{PUBLIC}/fr/reserve/dessous/" in sitemap(client)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    urls = sitemap(client)
    assert f"{PUBLIC}/fr/reserve/" not in urls
    assert f"{PUBLIC}/fr/reserve/dessous/" not in urls
    assert f"{PUBLIC}/fr/" in urls


def test_robots_points_to_the_sitemap_at_the_public_address(client, db, public_address):
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize(("language", "locale", "other"), [("fr", "fr_CA", "en_CA"), ("en", "en_CA", "fr_CA")])
def test_a_group_page_has_open_graph_and_twitter_tags(client, demo_content, public_address, language, locale, other):
    from workinggroups.models import WorkingGroupPage

    group = WorkingGroupPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True).first()
    soup = head(client, group.url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == PUBLIC + group.url
    assert og(soup, "og:title") == [group.seo_title or group.title]
    assert og(soup, "og:description") == [group.meta_description]
    assert group.meta_description
    assert og(soup, "og:url") == [canonical]
    assert og(soup, "og:type") == ["website"]
    footer = SiteFooter.objects.get(locale__language_code=language)
    assert og(soup, "og:site_name") == [footer.organisation_name]
    assert og(soup, "og:locale") == [locale]
    assert og(soup, "og:locale:alternate") == [other]
    assert og(soup, "twitter:card") == ["summary"]
    assert og(soup, "og:image") == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_library_and_a_resource_page_have_open_graph_tags(client, demo_content, public_address, language):
    library = head(client, f"/{language}/resources/")
    assert og(library, "og:url") == [f"{PUBLIC}/{language}/resources/"]
    assert og(library, "og:title") == [library.title.string.split(" · ")[0]]
    assert og(library, "og:description") == [library.find("meta", attrs={"name": "description"})["content"]]
    resource = Resource.objects.downloadable_by(None).filter(locale__language_code=language).first()
    soup = head(client, resource.get_url())
    assert og(soup, "og:title") == [resource.title]
    assert og(soup, "og:description") == [resource.meta_description]
    assert og(soup, "og:url") == [PUBLIC + resource.get_url()]
    assert og(soup, "og:locale") == [{"fr": "fr_CA", "en": "en_CA"}[language]]


def test_a_page_with_a_picture_shows_it_at_the_public_address(client, site_tree, public_address, monkeypatch):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(
        title="Atelier", description="Des personnes autour d'une table", file=get_test_image_file(size=(1600, 900))
    )
    monkeypatch.setattr(BasePage, "social_image", lambda page: image)
    soup = head(client, "/fr/")
    [url] = og(soup, "og:image")
    assert url.startswith(PUBLIC + django_settings.MEDIA_URL + "images/")
    assert og(soup, "og:image:width") == ["1200"] and og(soup, "og:image:height") == ["630"]
    assert og(soup, "og:image:alt") == ["Des personnes autour d'une table"]
    assert og(soup, "twitter:card") == ["summary_large_image"]


def test_head_links_are_at_the_public_address_not_the_request_host(client, site_tree, public_address):
    soup = head(client, "/en/")
    assert soup.find("link", rel="canonical")["href"] == f"{PUBLIC}/en/"
    assert alternates(soup) == {("fr", f"{PUBLIC}/fr/"), ("en", f"{PUBLIC}/en/"), ("x-default", f"{PUBLIC}/fr/")}
    assert "testserver" not in str(soup)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_title_names_the_site_once(client, site_tree, language):
    soup = head(client, f"/{language}/")
    assert soup.title.string == site_tree[language].title
    about = site_tree[language].add_child(instance=StandardPage(title="Équipe", slug="equipe"))
    about.save_revision().publish()
    assert head(client, about.url).title.string == f"Équipe · {site_tree[language].title}"
