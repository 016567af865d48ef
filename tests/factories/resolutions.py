import datetime

from wagtail.models import Page

from members.access import MEMBERS_GROUP_NAME
from resolutions.choices import Outcome
from resolutions.models import Amendment, ResolutionGroup, ResolutionIndexPage, ResolutionPage, ResolutionTopic
from resolutions.services import fingerprint, record_outcome


def grow_resolutions(group, other_groups, topics, count=100):
    """``count`` more French resolutions adopted in 2022 by ``group`` or another group, each with
    topics, follow-up and an amendment.

    Adopted only: each resolution that is not public carries a view restriction, and Wagtail's
    anonymous API listing reads each restriction's groups in a query of its own
    (``wagtail.api.querysets.get_public_pages_queryset``); see docs/resolutions.md."""
    from django.contrib.auth import get_user_model

    index = ResolutionIndexPage.objects.filter(locale=group.locale).first()
    author = get_user_model().objects.filter(groups__name=MEMBERS_GROUP_NAME).order_by("pk").first()
    for number in range(count):
        page = ResolutionPage(
            title=f"Résolution budget {number}",
            slug=f"resolution-budget-{number}",
            introduction="Une résolution de plus.",
            clauses=[("whereas", f"Attendu {number} ;"), ("resolved", f"Résolu {number}."), ("resolved", "Et encore.")],
            follow_up=[("action", {"description": "Agir.", "status": "done"})],
        )
        drafting = group if number % 2 else other_groups[number % len(other_groups)]
        page.drafting_groups = [ResolutionGroup(group=drafting), ResolutionGroup(group=other_groups[0])]
        page.topic_links = [ResolutionTopic(topic=topic) for topic in topics[:3]]
        index.add_child(instance=page)
        page.save_revision().publish()
        Amendment.objects.create(
            record=page.record,
            page=page,
            clause_id=page.clauses[0].id,
            kind=Amendment.Kind.DELETE,
            reason="Trop long.",
            author=author,
            fingerprint=fingerprint("delete", ""),
        )
        record_outcome(page.record, Outcome.ADOPTED, datetime.date(2022, 6, 4), votes_for=10)
    return Page.objects.count()
