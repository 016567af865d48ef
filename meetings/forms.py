"""Forms of registration: a member's needs, their workshops, attendance, a workshop proposal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Registration, WorkshopProposal


class RegistrationForm(forms.Form):
    """What is asked depends on the event: interpretation when offered, where when both, dietary needs in person."""

    needs_interpretation = forms.BooleanField(label=_("I need interpretation (French ↔ English)"), required=False)
    in_person = forms.TypedChoiceField(
        label=_("I will attend"),
        choices=[("1", _("In person")), ("0", _("Online"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if not event.interpretation:
            del self.fields["needs_interpretation"]
        if not (event.is_in_person and event.is_online):
            del self.fields["in_person"]
        if not event.is_in_person:
            del self.fields["dietary_needs"]

    def registration_values(self):
        data = self.cleaned_data
        return {
            "needs_interpretation": data.get("needs_interpretation", False),
            "in_person": data.get("in_person", self.event.is_in_person),
            "accessibility_needs": data.get("accessibility_needs", ""),
            "dietary_needs": data.get("dietary_needs", ""),
        }


class WorkshopChoiceForm(forms.Form):
    workshops = forms.MultipleChoiceField(
        label=_("The workshops I will attend"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, workshops, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshops = {str(workshop.pk): workshop for workshop in workshops}
        self.fields["workshops"].choices = [(pk, workshop.localized.title) for pk, workshop in self.workshops.items()]

    def chosen(self):
        return [self.workshops[pk] for pk in self.cleaned_data["workshops"]]


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(row.pk), row.user.get_full_name() or row.user.email)
            for row in registrations
            if row.status == Registration.Status.CONFIRMED
        ]

    def present_ids(self):
        return [int(pk) for pk in self.cleaned_data["present"]]


class WorkshopProposalForm(forms.ModelForm):
    class Meta:
        model = WorkshopProposal
        fields = ["group", "title", "description"]

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["group"].label_from_instance = lambda group: group.localized.title
