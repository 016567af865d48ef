from django import forms
from django.utils.translation import gettext_lazy as _

from .sources import SearchFilters
from .text import clean_query


class SearchForm(forms.Form):
    """The query and the filters of the site search, all from the query string."""

    q = forms.CharField(label=_("Words to look for"), required=False, strip=False)
    type = forms.MultipleChoiceField(label=_("Type"), required=False, widget=forms.CheckboxSelectMultiple)
    group = forms.TypedChoiceField(label=_("Working group"), required=False, coerce=int, empty_value=None)

    error_messages = {
        "invalid_choice": _("This filter value is not one we know; choose one from the list."),
    }

    def __init__(self, *args, sources, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.shortened = False
        # NUL bytes and other control characters are dropped by clean_query(), not refused:
        # whatever was typed, the visitor gets a normal page.
        self.fields["q"].validators = []
        self.fields["type"].choices = [choice for source in sources for choice in source.type_choices()]
        self.fields["type"].error_messages["invalid_choice"] = self.error_messages["invalid_choice"]
        self.fields["group"].error_messages["invalid_choice"] = self.error_messages["invalid_choice"]
        # The groups the visitor may open, in their language: the same rules as the results.
        self.groups = {page.pk: page for page in scope.working_groups}
        self.fields["group"].choices = [("", _("All working groups"))] + [
            (pk, page.title) for pk, page in self.groups.items()
        ]

    def clean_q(self):
        query, self.shortened = clean_query(self.cleaned_data.get("q") or "")
        return query

    def get_filters(self):
        data = self.cleaned_data
        group = self.groups.get(data.get("group")) if data.get("group") else None
        return SearchFilters(types=frozenset(data.get("type") or ()), group=group)
