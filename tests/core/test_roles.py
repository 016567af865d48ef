"""Every admin area × every staff role × list / add / edit / delete / publish (/ submit), over HTTP.

``MATRIX`` is docs/roles.md's table: a letter for each role that may do the action
(E editors, R reviewers, T translators, M membership staff, A site administrators).
Allowed: the screen answers 200 (an approval sent: back to the members' dashboard).
Refused: Wagtail's redirect to the admin dashboard, or a 403.

The users, groups and objects are built once for the module, in a transaction rolled back
at its end; each test runs in a savepoint inside it (pytest-django's ``db``).
"""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from core import roles
from home.models import MainMenu, SiteFooter, StandardPage
from members.models import GroupMembership, GroupSettings, MemberProfile
from tests.factories.members import OrganisationFactory, UserFactory, add_membership, make_groups, make_person
from tests.factories.resources import DocumentFactory, ResourceFactory
from workinggroups.models import Topic

ROLE_LETTERS = {
    "E": roles.EDITORS,
    "R": roles.REVIEWERS,
    "T": roles.TRANSLATORS,
    "M": roles.MEMBERSHIP_STAFF,
    "A": roles.SITE_ADMINISTRATORS,
}

# area → action → who may (letters of ROLE_LETTERS); an action missing from an area does not apply.
MATRIX = {
    "pages": {"list": "ERTA", "add": "ERTA", "edit": "ERTA", "delete": "RA", "publish": "RA"},
    "images": {"list": "ERA", "add": "ERA", "edit": "ERA", "delete": "ERA"},
    "documents": {"list": "ERA", "add": "ERA", "edit": "ERA", "delete": "ERA"},
    "resources": {"list": "ERTA", "add": "ERA", "edit": "ERTA", "delete": "ERA", "publish": "RA"},
    "topics": {"list": "ERA", "add": "ERA", "edit": "ERA", "delete": "ERA"},
    "footer": {"list": "ERTA", "add": "ERA", "edit": "ERTA", "delete": "ERA"},
    "main menu": {"list": "ERTA", "add": "ERA", "edit": "ERTA", "delete": "ERA"},
    "people": {"list": "MA", "edit": "MA", "delete": "MA"},
    "organisations": {"list": "MA", "add": "MA", "edit": "MA", "delete": "MA"},
    "approvals": {"list": "MA", "edit": "MA", "publish": "MA"},
    "memberships": {"list": "MA", "add": "MA", "edit": "MA", "delete": "MA"},
    "join policies": {"list": "MA", "add": "MA", "edit": "MA", "delete": "MA"},
    # The page chooser of the memberships' and join policies' "working group" field.
    "group chooser": {"list": "ERTMA"},
    "translations": {"list": "ERTA", "add": "ERTA", "edit": "ERTA", "submit": "ERTA"},
    "users": {"list": "A", "add": "A", "edit": "A", "delete": "A"},
    "groups": {"list": "A", "add": "A", "edit": "A", "delete": "A"},
    "settings": {"list": "A", "add": "A", "edit": "A", "delete": "A"},
}


def crud(namespace, pk, *, list_name="index"):
    """The usual four screens of a Wagtail viewset."""
    return {
        "list": reverse(f"{namespace}:{list_name}"),
        "add": reverse(f"{namespace}:add"),
        "edit": reverse(f"{namespace}:edit", args=[pk]),
        "delete": reverse(f"{namespace}:delete", args=[pk]),
    }


def snippet(model, pk, *, publish=False):
    namespace = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
    urls = crud(namespace, pk, list_name="list")
    if publish:
        # Unpublishing asks for the publish permission, as publishing does.
        urls["publish"] = reverse(f"{namespace}:unpublish", args=[pk])
    return urls


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return ImageFile(buffer, name="square.png")


def build_world():
    from home import demo
    from resources.models import Resource

    out = io.StringIO()
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    home = demo.load_home(out, french, english)
    demo.load_footer(out, french, english)
    page = home.add_child(instance=StandardPage(title="Détention", slug="detention"))
    page.save_revision().publish()
    translate_object(page, [english])
    source = TranslationSource.objects.get(object_id=page.translation_key)
    image = get_image_model().objects.create(title="Carré", file=png())
    document = DocumentFactory()
    resource = ResourceFactory()
    topic = Topic.objects.create(locale=french, name="Détention")
    footer = SiteFooter.objects.get(locale=french)
    menu = MainMenu.objects.create(locale=french, items=[("route", {"route": "resources", "label": ""})])
    (group,) = make_groups({"fr": home}, ("detention", "Détention", GroupSettings.JoinPolicy.ON_REQUEST))
    pending = MemberProfile.objects.get(user=make_person(status=MemberProfile.Status.PENDING))
    membership = add_membership(make_person(), group, role=GroupMembership.Role.MEMBER)
    organisation = OrganisationFactory()
    join_policy = GroupSettings.objects.get(group=group)
    site = Site.objects.get(is_default_site=True)
    staff = {}
    for letter, name in ROLE_LETTERS.items():
        user = UserFactory(email=f"{letter.lower()}-role@example.org")
        user.groups.add(Group.objects.get(name=name))
        staff[letter] = user

    urls = {
        "pages": {
            "list": reverse("wagtailadmin_explore", args=[home.pk]),
            "add": reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]),
            "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
            # Unpublishing asks for the publish permission, as publishing does.
            "publish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        },
        "images": crud("wagtailimages", image.pk),
        "documents": crud("wagtaildocs", document.pk),
        "resources": snippet(Resource, resource.pk, publish=True),
        "topics": snippet(Topic, topic.pk),
        "footer": snippet(SiteFooter, footer.pk),
        "main menu": snippet(MainMenu, menu.pk),
        "people": {
            "list": reverse("memberprofile:index"),
            "edit": reverse("memberprofile:edit", args=[pending.pk]),
            "delete": reverse("memberprofile:delete", args=[pending.pk]),
        },
        "organisations": crud("memberorganisation", organisation.pk),
        "approvals": {
            "list": reverse("memberprofile:index") + "?status=pending",
            "edit": reverse("members:reject", args=[pending.pk]),
            "publish": ("post", reverse("members:approve", args=[pending.pk])),
        },
        "memberships": crud("groupmembership", membership.pk),
        "join policies": crud("groupsettings", join_policy.pk),
        "group chooser": {"list": reverse("wagtailadmin_choose_page_child", args=[group.get_parent().pk])},
        "translations": {
            "list": reverse("translations:status"),
            "add": reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            "edit": reverse("wagtail_localize:update_translations", args=[source.pk]),
            "submit": reverse("translations:submit_for_review", args=[page.get_translation(english).pk]),
        },
        "users": crud("wagtailusers_users", staff["E"].pk),
        "groups": crud("wagtailusers_groups", Group.objects.get(name=roles.EDITORS).pk),
        "settings": crud("wagtailsites", site.pk),
    }
    return {"staff": staff, "urls": urls}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


CASES = [
    pytest.param(letter, area, action, id=f"{ROLE_LETTERS[letter]}-{area}-{action}")
    for letter in ROLE_LETTERS
    for area, actions in MATRIX.items()
    for action in actions
]


@pytest.mark.parametrize(("letter", "area", "action"), CASES)
def test_role_reaches_exactly_its_screens(client, db, world, letter, area, action):
    target = world["urls"][area][action]
    method, url = target if isinstance(target, tuple) else ("get", target)
    client.force_login(world["staff"][letter])
    response = getattr(client, method)(url)

    if letter in MATRIX[area][action]:
        if method == "post":
            assert response.status_code == 302 and response["Location"] == reverse("members:dashboard")
        else:
            assert response.status_code == 200, response.get("Location")
    else:
        refused = response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        )
        assert refused, (response.status_code, response.get("Location"))


def test_every_role_is_a_group_after_migrations(db):
    assert set(Group.objects.filter(name__in=roles.ROLE_NAMES).values_list("name", flat=True)) == set(roles.ROLE_NAMES)


def test_site_administrators_hold_every_permission_without_being_superusers(db):
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name=roles.SITE_ADMINISTRATORS)
    assert group.permissions.count() == Permission.objects.count()
