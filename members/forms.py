from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import MemberOrganisation, User
from .services import create_profile


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth's own sign-up form inherits from this (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Emails from the site are written in this language."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Member organisation you represent"),
        queryset=MemberOrganisation.objects.filter(status=MemberOrganisation.Status.ACTIVE),
        required=False,
        empty_label=_("My organisation is not listed yet"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    organisation_not_listed = forms.CharField(
        label=_("Name of your organisation, if it is not listed"),
        max_length=255,
        required=False,
        help_text=_("Staff will add it to the list before your account is approved."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("organisation") and not cleaned_data.get("organisation_not_listed", "").strip():
            if "organisation" not in self.errors:
                self.add_error(
                    "organisation_not_listed",
                    _("Choose your organisation from the list, or give its name if it is not listed yet."),
                )
        return cleaned_data

    def signup(self, request, user):
        """Called by allauth once the user exists, before the verification email goes out."""
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["first_name", "last_name", "preferred_language"])
        organisation = self.cleaned_data.get("organisation")
        create_profile(
            user,
            organisation=organisation,
            organisation_not_listed="" if organisation else self.cleaned_data["organisation_not_listed"].strip(),
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea({"rows": 3}),
        max_length=2000,
        help_text=_("It is sent to the person by email."),
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted for good."),
        required=True,
    )
