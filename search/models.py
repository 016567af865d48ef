"""What editors tell the site search, and what it tells them back."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .analysis import words


class Synonym(models.Model):
    """Words and expressions that mean the same in one language: a search for any finds every one."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "Words or expressions that mean the same, separated by commas, for example: "
            "asylum, refugee claimant, asylum seeker."
        ),
    )

    #: Search results change with the synonyms: a change bumps the cache version (core.caching.invalidation).
    shown_on_pages = True

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms

    def term_list(self):
        return [term.strip() for term in self.terms.replace("\n", ",").split(",") if term.strip()]


class UnansweredSearch(models.Model):
    """How many searches of one day, in one language, found nothing: the query words and a count, nothing about who."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    query = models.CharField(max_length=200)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "query", "day"], name="unique_unanswered_search")]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, language, query):
        """One more search of ``query`` today that found nothing: one UPDATE, an INSERT the first time."""
        query = " ".join(words(query))[:200]
        if not query:
            return
        today = timezone.localdate()
        rows = cls.objects.filter(language=language, query=query, day=today)
        if not rows.update(count=F("count") + 1):
            cls.objects.get_or_create(language=language, query=query, day=today, defaults={"count": 1})
