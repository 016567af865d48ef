"""The staff roles of the Wagtail admin: the one place that says which group may do what.

Each role is a Django group holding model permissions, page permissions on the root page
(``GroupPagePermission``: every language tree) and collection permissions on the root
collection (``GroupCollectionPermission``: every image and document). ``apply_roles`` makes
the groups match this declaration; it serves the data migration (historical models, through
``apps``) and ``post_migrate`` (new models' permissions reach the site administrators).
Rights granted elsewhere (a page subtree, a sub-collection) are left alone.

Approved members are not staff: their group ("Members") is owned by ``members.access``.
docs/roles.md is the table people read; tests/core/test_roles.py walks it over HTTP.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf import settings

EDITORS = "Editors"
REVIEWERS = settings.TRANSLATIONS_REVIEWERS_GROUP  # "Moderators": the review workflow's task names it
TRANSLATORS = "Translators"
MEMBERSHIP_STAFF = "Membership staff"
SITE_ADMINISTRATORS = "Site administrators"

ALL_PAGE_PERMISSIONS = ("add_page", "bulk_delete_page", "change_page", "lock_page", "publish_page", "unlock_page")


def model_permissions(label, *actions):
    """``("app_label", "model", "action_model")`` triples for ``label`` = "app_label.model"."""
    app_label, model = label.split(".")
    return tuple((app_label, model, f"{action}_{model}") for action in actions)


ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
MANAGE = ("add", "change", "delete")

# Images and documents are checked per collection; the model permissions mirror Wagtail's initial data.
MEDIA_COLLECTION = (
    *model_permissions("wagtailimages.image", "add", "change", "delete", "choose"),
    *model_permissions("wagtaildocs.document", "add", "change", "delete", "choose"),
)
CONTENT = (
    ACCESS_ADMIN,
    SUBMIT_TRANSLATION,
    *MEDIA_COLLECTION,
    *model_permissions("resources.resource", *MANAGE),
    *model_permissions("workinggroups.topic", *MANAGE),
    *model_permissions("home.sitefooter", *MANAGE),
    *model_permissions("home.mainmenu", *MANAGE),
    # What the site search finds: synonyms and promoted results (the report of unanswered searches follows them).
    *model_permissions("site_search.synonym", *MANAGE, "view"),
    *model_permissions("wagtailsearchpromotions.searchpromotion", *MANAGE),
)
MEMBERSHIP = (
    ACCESS_ADMIN,
    *model_permissions("members.memberprofile", *MANAGE, "view"),
    *model_permissions("members.memberorganisation", *MANAGE, "view"),
    *model_permissions("members.groupmembership", *MANAGE, "view"),
    *model_permissions("members.groupsettings", *MANAGE, "view"),
)


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple = ()
    page_permissions: tuple = ()  # codenames, granted on the root page
    collection_permissions: tuple = ()  # (app_label, model, codename), granted on the root collection
    all_permissions: bool = False


ROLES = (
    # Communications editors: write pages and submit them for review, never publish.
    Role(
        EDITORS,
        permissions=CONTENT,
        page_permissions=("add_page", "change_page"),
        collection_permissions=MEDIA_COLLECTION,
    ),
    # Reviewers: the editors' rights, plus approve, publish, lock and unlock.
    Role(
        REVIEWERS,
        permissions=(*CONTENT, *model_permissions("resources.resource", "publish")),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=MEDIA_COLLECTION,
    ),
    # Translators: translate pages and resources and submit them for review, never publish.
    Role(
        TRANSLATORS,
        # Wagtail checks pages per subtree, not per language, and translating a page or a snippet
        # needs the right to edit its source (translations.permissions): edit, never publish or delete.
        # The footer and the menu are translated like pages, so translators edit them (they have no
        # drafts: a saved translation is live); they neither add nor delete one. Topics stay with editors.
        permissions=(
            ACCESS_ADMIN,
            SUBMIT_TRANSLATION,
            *model_permissions("wagtailimages.image", "choose"),
            *model_permissions("wagtaildocs.document", "choose"),
            *model_permissions("resources.resource", "change"),
            *model_permissions("home.sitefooter", "change"),
            *model_permissions("home.mainmenu", "change"),
        ),
        page_permissions=("add_page", "change_page"),
        collection_permissions=(
            *model_permissions("wagtailimages.image", "choose"),
            *model_permissions("wagtaildocs.document", "choose"),
        ),
    ),
    # Membership staff: people, organisations, approvals, group memberships; no pages.
    Role(
        MEMBERSHIP_STAFF,
        permissions=MEMBERSHIP,
    ),
    # Site administrators: every permission, without being superusers.
    Role(
        SITE_ADMINISTRATORS,
        all_permissions=True,
        page_permissions=ALL_PAGE_PERMISSIONS,
        collection_permissions=MEDIA_COLLECTION,
    ),
)
ROLE_NAMES = tuple(role.name for role in ROLES)


class _Models:
    def __init__(self, apps):
        get = apps.get_model
        self.ContentType = get("contenttypes", "ContentType")
        self.Permission = get("auth", "Permission")
        self.Group = get("auth", "Group")
        self.Page = get("wagtailcore", "Page")
        self.Collection = get("wagtailcore", "Collection")
        self.GroupPagePermission = get("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = get("wagtailcore", "GroupCollectionPermission")

    def permission(self, app_label, model, codename):
        # Created here when the app's post_migrate has not run yet (a fresh database): it then finds it.
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = self.Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        return permission


def apply_role(role, apps=global_apps):
    """Create the role's group and give it exactly the declared rights (on the root page and collection)."""
    models = _Models(apps)
    group, _ = models.Group.objects.get_or_create(name=role.name)
    if role.all_permissions:
        permissions = list(models.Permission.objects.all())
    else:
        permissions = [models.permission(*triple) for triple in role.permissions]
    group.permissions.set(permissions)

    root_page = models.Page.objects.filter(depth=1).first()
    if root_page is not None:
        page_permissions = [models.permission("wagtailcore", "page", codename) for codename in role.page_permissions]
        models.GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__in=page_permissions
        ).delete()
        for permission in page_permissions:
            models.GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)

    root_collection = models.Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        collection_permissions = [models.permission(*triple) for triple in role.collection_permissions]
        models.GroupCollectionPermission.objects.filter(group=group, collection=root_collection).exclude(
            permission__in=collection_permissions
        ).delete()
        for permission in collection_permissions:
            models.GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


def apply_roles(apps=global_apps):
    """Every role's group, as declared. Returns {name: group}."""
    return {role.name: apply_role(role, apps) for role in ROLES}
