"""Factories for the members app, and a minimal working-group tree for its tests.

The group pages here are the skeleton ``WorkingGroupIndexPage`` / ``WorkingGroupPage``
with their English translation made by Wagtail's ``copy_for_translation`` (no content
to translate), so these tests don't depend on the working-groups app's demo content.
"""

import factory
from allauth.account.models import EmailAddress

from wagtail.models import Locale

from members.access import sync_members_group
from members.models import GroupMembership, GroupSettings, MemberOrganisation, MemberProfile, User

PASSWORD = "a-long-test-password-42"


def signup_form(email, organisation, language="fr"):
    """What a newcomer types into the sign-up form."""
    return {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Nadia",
        "last_name": "Nouvelle",
        "preferred_language": language,
        "organisation": organisation.pk,
    }


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    preferred_language = "fr"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        self.save()
        if extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberOrganisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisme {n}")
    province = "QC"
    status = MemberOrganisation.Status.ACTIVE


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = MemberProfile.Status.PENDING


def make_person(status=MemberProfile.Status.APPROVED, organisation=None, **user_kwargs):
    """A user with a profile; approved people are put in the Members group, as approval does."""
    user = UserFactory(**user_kwargs)
    ProfileFactory(user=user, organisation=organisation or OrganisationFactory(), status=status)
    sync_members_group(user)
    return user


def make_groups(site_tree, *specs):
    """Create the group index under the French home and one group per (slug, title, join_policy).

    Returns the French group pages (the source of each group); each has an English translation.
    """
    from workinggroups.models import WorkingGroupIndexPage, WorkingGroupPage

    home = site_tree["fr"]
    english = Locale.objects.get(language_code="en")
    index = WorkingGroupIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=WorkingGroupIndexPage(title="Les groupes de travail", slug="groupes-de-travail")
        )
        index.save_revision().publish()
    groups = []
    for slug, title, policy in specs:
        group = index.add_child(instance=WorkingGroupPage(title=title, slug=slug, summary=f"Résumé {title}"))
        group.save_revision().publish()
        translation = group.copy_for_translation(english, copy_parents=True)
        translation.title = f"{title} (EN)"
        translation.save_revision().publish()
        if policy != GroupSettings.JoinPolicy.OPEN:
            GroupSettings.objects.create(group=group, join_policy=policy)
        groups.append(group)
    return groups


def add_membership(user, group, role=GroupMembership.Role.MEMBER, status=GroupMembership.Status.ACTIVE):
    from django.utils import timezone

    return GroupMembership.objects.create(
        user=user, group=group, role=role, status=status, joined_at=timezone.now() if status == "active" else None
    )
