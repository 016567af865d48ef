from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Site search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import memo
        from .models import Synonym

        def forget(**kwargs):
            memo.forget()

        # This process sees an editor's change at once; the others within memo.SECONDS.
        for signal in (post_save, post_delete):
            signal.connect(
                lambda **kwargs: memo.forget(), sender=Synonym, dispatch_uid=f"search-memo-{signal}", weak=False
            )
