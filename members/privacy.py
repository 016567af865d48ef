"""« Private » means approved members, or narrower: the one place that holds Wagtail's view restrictions to it.

Anyone may sign up, and an account is not a member until approved. Wagtail's « any
logged-in user » restriction (``LOGIN``) would let every such account read; here it is
stored as a groups restriction instead, whoever makes it (the admin's privacy forms, a
translation copying its source's privacy, code): the Members group for pages; for
collections, the Members group and the library's staff groups, who keep opening the files
they manage (``resources.collections.admitted_groups``).

Page privacy does not offer ``LOGIN`` at all (``home.models.BasePage.private_page_options``).
Wagtail has no such setting for collections, so there the option stays, worded for what it
now means (``WORDING`` below, its French and English in this app's catalogues).
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_noop

from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

from resources.collections import admitted_groups

from .access import members_group

#: Wagtail's own msgid for ``LOGIN``, said in both languages by members/locale (which comes
#: before wagtail in INSTALLED_APPS, so its wording wins). Listed for makemessages, never called.
WORDING = [gettext_noop("Private, accessible to any logged-in users")]

RESTRICTION_MODELS = (PageViewRestriction, CollectionViewRestriction)


def readers(restriction):
    """The groups that « private » lets in for ``restriction``."""
    if isinstance(restriction, CollectionViewRestriction):
        return list(admitted_groups())
    return [members_group()]


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="members_only_page_restriction")
@receiver(post_save, sender=CollectionViewRestriction, dispatch_uid="members_only_collection_restriction")
def members_only(sender, instance, raw=False, **kwargs):
    """A « logged-in users » restriction becomes a groups restriction on the readers."""
    if raw or instance.restriction_type != BaseViewRestriction.LOGIN:
        return
    sender.objects.filter(pk=instance.pk).update(restriction_type=BaseViewRestriction.GROUPS)
    instance.restriction_type = BaseViewRestriction.GROUPS
    instance.groups.add(*readers(instance))


def keep_readers(sender, instance, action, reverse, **kwargs):
    """A groups restriction left with no group admits the readers, not only superusers.

    The admin's form saves the restriction, then sets its groups to those ticked: choosing
    « members » ticks none, which would take away the groups ``members_only`` just added.
    """
    if reverse or action not in ("post_remove", "post_clear"):
        return
    if instance.restriction_type == BaseViewRestriction.GROUPS and not instance.groups.exists():
        instance.groups.add(*readers(instance))


for model in RESTRICTION_MODELS:
    m2m_changed.connect(keep_readers, sender=model.groups.through, dispatch_uid=f"keep_readers_{model.__name__}")
