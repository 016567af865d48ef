"""A list of choices stored as JSON, so it works the same on SQLite and PostgreSQL."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values from ``item_choices``, edited as checkboxes.

    PostgreSQL's ArrayField would not run on the SQLite default, and a join table
    for seven fixed values would be heavier for editors and for translation:
    wagtail-localize copies a JSON field to translations as it is (synchronised).
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise exceptions.ValidationError(
                _("Choose values from the list only."), code="invalid_choice", params={"value": value}
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, value):
        """The labels of ``value``'s items, in the order of the choices."""
        chosen = set(value or ())
        return [label for choice, label in self.item_choices if choice in chosen]
