"""The pages the benchmark measures, found in whatever database it runs on."""

from django.apps import apps

from wagtail.models import Page


def _first_url(model_label, **filters):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    page = model.objects.live().filter(locale__language_code="fr", **filters).order_by("path").first()
    return page.url if page else None


def discover():
    """(label, path, signed_in) for each page the benchmark drives; missing ones are left out."""
    targets = [("home page", "/fr/", False)]
    for label, model in [
        ("group index", "workinggroups.WorkingGroupIndexPage"),
        ("group page", "workinggroups.WorkingGroupPage"),
        ("project page", "workinggroups.ProjectPage"),
        ("meeting page", "meetings.MeetingPage"),
        ("meetings listing", "meetings.MeetingIndexPage"),
        ("Consultations page", "meetings.ConsultationPage"),
        ("resolutions database", "resolutions.ResolutionIndexPage"),
    ]:
        url = _first_url(model)
        if url:
            targets.append((label, url, False))
    if apps.is_installed("resources"):
        targets.append(("library, filtered", "/fr/resources/?audience=public&sort=newest", False))
        targets += document_downloads()
    targets.append(("search", "/fr/search/?q=r%C3%A9installation", False))
    targets.append(("API page list", "/api/v3/pages/?locale=fr", False))
    if _has_dashboard():
        targets.append(("members dashboard (signed in)", "/fr/members/", True))
    return targets


def document_downloads():
    """A public file (anonymous) and a members-only one (signed in), through the library's download."""
    from resources.models import Resource

    found = []
    for audience, label, signed_in in (
        (Resource.Audience.PUBLIC, "document download, public", False),
        (Resource.Audience.MEMBERS, "document download, members only", True),
    ):
        resource = Resource.objects.live().filter(locale__language_code="fr", audience=audience).order_by("pk").first()
        if resource:
            found.append((label, resource.get_download_url(), signed_in))
    return found


def _has_dashboard():
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("members:dashboard")
    except NoReverseMatch:
        return False
    return True


def bench_member():
    """A signed-in member for the dashboard: the first approved member, or a new user."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    members = Group.objects.filter(name="Members").first()
    user = members.user_set.order_by("pk").first() if members else None
    if user is None:
        user, _ = User.objects.get_or_create(email="bench-member@example.org", defaults={"first_name": "Bench"})
    return user


def page_count():
    return Page.objects.live().count()
