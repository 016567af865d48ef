"""Resources for the benchmark: 200·N in French, a third of them members-only, each
linked to a group and sharing one small generated document per audience."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale


def grow_resources(scale, rng, groups):
    from resources.models import Resource, ResourceWorkingGroup

    french = Locale.objects.get(language_code="fr")
    existing = Resource.objects.filter(locale=french).count()
    wanted = 200 * scale - existing
    if wanted <= 0:
        return
    Document = get_document_model()
    documents = {}
    for audience in (Resource.Audience.PUBLIC, Resource.Audience.MEMBERS):
        document = Document(title=f"Banc d'essai ({audience})")
        document.file.save(f"bench-{audience}.txt", ContentFile(b"Benchmark resource.\n"), save=False)
        document.save()
        documents[audience] = document
    kinds = [choice for choice, _label in Resource.Kind.choices]
    groups = [group for group in groups if group.locale_id == french.pk]
    for number in range(existing, existing + wanted):
        audience = Resource.Audience.MEMBERS if number % 3 == 0 else Resource.Audience.PUBLIC
        resource = Resource(
            title=f"Ressource {number}",
            slug=f"ressource-{number}",
            description=" ".join(rng.choice(["outil", "rapport", "guide", "réinstallation"]) for _ in range(20)),
            kind=rng.choice(kinds),
            audience=audience,
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=number % 2500),
            document=documents[audience],
            locale=french,
            live=True,
        )
        resource.working_group_links = [ResourceWorkingGroup(group=rng.choice(groups))]
        resource.save()
