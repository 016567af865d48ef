"""A small bilingual tree for the search and API tests, built on the ``site_tree`` fixture.

French pages and their English translations (same ``translation_key``, through Wagtail's
copy-for-translation), a page below a working group, view-restricted pages and a draft.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from workinggroups.models import WorkingGroupIndexPage, WorkingGroupPage


@dataclass
class SearchTree:
    fr: dict = field(default_factory=dict)
    en: dict = field(default_factory=dict)
    members_group: Group | None = None


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def translate(page, locale, **fields):
    """An English copy of ``page`` (under its parent's translation), fields replaced, published."""
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy.specific)


def build_search_tree(site_tree):
    home_fr, home_en = site_tree["fr"], site_tree["en"]
    english = home_en.locale
    tree = SearchTree()
    fr, en = tree.fr, tree.en

    fr["index"] = add(
        home_fr,
        WorkingGroupIndexPage(
            title="Groupes de travail",
            slug="groupes-de-travail",
            introduction="Des réseaux de collaboration formés par les organismes membres.",
        ),
    )
    en["index"] = translate(
        fr["index"],
        english,
        title="Working groups",
        slug="working-groups",
        introduction="Collaborative networks of member organizations.",
    )
    fr["inland"] = add(
        fr["index"],
        WorkingGroupPage(
            title="Protection au Canada",
            slug="protection-au-canada",
            introduction="Le groupe suit les demandeurs d'asile au Canada.",
            summary="Il travaille sur la détention à des fins d'immigration et les expulsions.",
        ),
    )
    en["inland"] = translate(
        fr["inland"],
        english,
        title="Inland Protection",
        slug="inland-protection",
        introduction="The group follows refugee claimants in Canada.",
        summary="It works on immigration detention and removals.",
    )
    fr["overseas"] = add(
        fr["index"],
        WorkingGroupPage(
            title="Protection outremer et réinstallation",
            slug="protection-outremer",
            introduction="Le groupe suit le parrainage privé.",
            summary="Il travaille sur la réinstallation des réfugiés et la réunification familiale.",
        ),
    )
    en["overseas"] = translate(
        fr["overseas"],
        english,
        title="Overseas Protection and Resettlement",
        slug="overseas-protection",
        introduction="The group follows private sponsorship.",
        summary="It works on the resettlement of refugees and family reunification.",
    )
    # Below a group: the result shows the group it belongs to.
    fr["campaign"] = add(
        fr["inland"],
        StandardPage(
            title="Campagne contre la détention des enfants",
            slug="campagne-detention",
            introduction="Une campagne publique pour que cesse la détention des enfants.",
        ),
    )
    en["campaign"] = translate(
        fr["campaign"],
        english,
        title="Campaign against the detention of children",
        slug="detention-campaign",
        introduction="A public campaign to end the detention of children.",
    )
    # « Signed-in visitors » (kept as approved members only: members.privacy), with a public-looking child.
    fr["private"] = add(
        home_fr,
        StandardPage(
            title="Notes confidentielles",
            slug="notes",
            introduction="Stratégie interne sur la détention.",
        ),
    )
    PageViewRestriction.objects.create(page=fr["private"], restriction_type=PageViewRestriction.LOGIN)
    fr["private_child"] = add(
        fr["private"],
        StandardPage(title="Annexe secrète", slug="annexe", introduction="Annexe sur la détention."),
    )
    # Restricted to one group of users.
    tree.members_group = Group.objects.create(name="Search test members")
    fr["members_only"] = add(
        home_fr,
        StandardPage(
            title="Compte rendu réservé",
            slug="compte-rendu",
            introduction="Compte rendu de la rencontre sur la détention.",
        ),
    )
    restriction = PageViewRestriction.objects.create(
        page=fr["members_only"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(tree.members_group)
    # Never published.
    draft = StandardPage(title="Brouillon sur la détention", slug="brouillon", introduction="détention", live=False)
    home_fr.add_child(instance=draft)
    draft.save_revision()
    fr["draft"] = draft
    # Published, then unpublished.
    fr["unpublished"] = add(
        home_fr, StandardPage(title="Ancienne page sur la détention", slug="ancienne", introduction="détention")
    )
    fr["unpublished"].unpublish()
    return tree


def page_ids(pages):
    return {page.pk for page in pages}


__all__ = ["build_search_tree", "SearchTree", "Page", "page_ids"]
