"""A resolution's stages and outcomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    DRAFTING = "drafting", _("Being drafted")
    COMMENT = "comment", _("Comment period")
    ON_AGENDA = "on-agenda", _("On the general meeting's list")
    DECIDED = "decided", _("Decided")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    ADOPTED_AS_AMENDED = "adopted-as-amended", _("Adopted as amended")
    DEFEATED = "defeated", _("Defeated")
    REFERRED = "referred", _("Referred")
    WITHDRAWN = "withdrawn", _("Withdrawn")
