from home.translation import translate_instance
from tests.factories.resources import ResourceFactory


def test_smoke(site_tree, locales, client):
    fr, en = locales
    r = ResourceFactory(title="Outil pratique", audience="members")
    r.refresh_from_db()
    print(r.slug, r.document.collection, r.live, r.live_revision_id)
    from wagtail_localize.models import TranslationSource, StringSegment
    src, _ = TranslationSource.get_or_create_from_instance(r)
    print([s.string.data for s in StringSegment.objects.filter(source=src)])
    t = translate_instance(r, en, {"Outil pratique": "Practical tool", "outil-pratique": "practical-tool", "Un outil pratique.": "A practical tool."})
    print(t.slug, t.live, t.document_id == r.document_id, t.download_count)
    resp = client.get("/fr/resources/")
    print(resp.status_code)
    assert resp.status_code == 200
    resp = client.get("/en/resources/practical-tool/")
    print(resp.status_code, resp.content.decode()[-3000:])
    resp = client.get("/en/resources/outil-pratique/")
    print(resp.status_code, resp.get("Location"))
    resp = client.get("/en/resources/?q=<script>&page=abc&year=99999999999999999999999")
    print(resp.status_code)
