import datetime

import factory
import wagtail_factories

from django.utils import timezone

from meetings.models import ConsultationPage, MeetingIndexPage, MeetingPage, WorkshopPage


def in_days(days, hour=13):
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    starts_at = factory.LazyFunction(lambda: in_days(30))
    ends_at = factory.LazyAttribute(lambda obj: obj.starts_at + datetime.timedelta(hours=2))
    city = "Toronto"
    theme = "Accès aux services"

    class Meta:
        model = MeetingPage


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rencontres"
    slug = "rencontres"

    class Meta:
        model = MeetingIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = "Consultations du printemps"
    starts_at = factory.LazyFunction(lambda: in_days(90, 9))
    ends_at = factory.LazyAttribute(lambda obj: obj.starts_at + datetime.timedelta(days=2))
    city = "Montréal"

    class Meta:
        model = ConsultationPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Atelier {n}")
    starts_at = factory.LazyFunction(lambda: in_days(90, 13))
    ends_at = factory.LazyAttribute(lambda obj: obj.starts_at + datetime.timedelta(hours=2))
    city = "Montréal"

    class Meta:
        model = WorkshopPage
