"""Demo content of the meetings: the groups' inline meetings converted to pages, past meetings with
their minutes, the meetings listing, the Consultations with workshops, and (with the demo accounts)
registrations with a wait-list on the first group's next meeting; French with English.

Idempotent: pages are found by their slug under their parent; nothing that exists is saved or
translated again. Dates are counted from the day the demo is loaded.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from home.models import HomePage
from home.translation import translate_instance
from workinggroups.models import ProjectPage, WorkingGroupIndexPage, WorkingGroupPage

from .conversion import convert_inline_meetings
from .models import (
    ConsultationPage,
    MeetingIndexPage,
    MeetingLanguage,
    MeetingPage,
    Registration,
    WorkshopGroup,
    WorkshopPage,
)
from .zones import DEFAULT_TIME_ZONE

ENGLISH = {}


def fr(french, english):
    ENGLISH[french] = english
    return french


def paragraph(french, english):
    fr(french, english)
    return f"<p>{french}</p>"


def when(days_ahead, hour, hours, zone=DEFAULT_TIME_ZONE):
    day = datetime.date.today() + datetime.timedelta(days=days_ahead)
    starts_at = datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=ZoneInfo(zone))
    return {"starts_at": starts_at, "ends_at": starts_at + datetime.timedelta(hours=hours), "time_zone": zone}


TORONTO = fr("Toronto", "Toronto")
MONTREAL = fr("Montréal", "Montréal")

INDEX = {
    "title": fr("Rencontres", "Meetings"),
    "slug": fr("rencontres", "meetings"),
    "introduction": fr(
        "Les rencontres à venir des groupes de travail, en personne ou en ligne, et les Consultations.",
        "The working groups' upcoming meetings, in person or online, and the Consultations.",
    ),
}

# Past meetings with their minutes (members only): the group's slug, then the page.
PAST_MEETINGS = [
    (
        "immigration-et-etablissement",
        {
            "title": fr("Rencontre d'hiver à Toronto", "Winter meeting in Toronto"),
            "slug": fr("rencontre-hiver-toronto", "winter-meeting-toronto"),
            **when(-45, 10, 6),
            "city": TORONTO,
            "venue": fr("Centre communautaire Scadding Court", "Scadding Court Community Centre"),
            "address": fr("707 Dundas St W, Toronto ON", "707 Dundas St W, Toronto ON"),
            "is_online": True,
            "online_link": "https://meet.example.org/immigration-hiver",
            "interpretation": True,
            "theme": fr("Accès aux services d'établissement", "Access to settlement services"),
            "description": paragraph(
                "Une journée de travail sur les obstacles à l'accès aux services.",
                "A working day on the barriers to accessing services.",
            ),
            "minutes": paragraph(
                "Douze organisations membres présentes ; tour de table des régions.",
                "Twelve member organisations present; round table of the regions.",
            ),
            "decisions": paragraph(
                "Le groupe prépare une lettre au ministre sur les délais.",
                "The group will prepare a letter to the minister on delays.",
            ),
            "agenda_items": [
                (fr("Tour de table", "Round table"), fr("Nouvelles des régions.", "News from the regions.")),
                (fr("Appel à l'action", "Call to action"), ""),
            ],
        },
    ),
    (
        "protection-au-canada",
        {
            "title": fr("Rencontre en ligne de l'automne", "Autumn online meeting"),
            "slug": fr("rencontre-en-ligne-automne", "autumn-online-meeting"),
            **when(-90, 13, 2),
            "is_in_person": False,
            "is_online": True,
            "online_link": "https://meet.example.org/protection-automne",
            "languages": MeetingLanguage.FRENCH,
            "theme": fr("Détention des migrants", "Immigration detention"),
            "minutes": paragraph(
                "Huit organisations membres présentes.",
                "Eight member organisations present.",
            ),
            "agenda_items": [],
        },
    ),
]

CONSULTATION = {
    "title": fr("Consultations du printemps", "Spring Consultations"),
    "slug": fr("consultations-printemps", "spring-consultations"),
    **when(150, 9, 56),
    "city": MONTREAL,
    "venue": fr("Hôtel Bonaventure", "Hotel Bonaventure"),
    "address": fr("900 rue de la Gauchetière O, Montréal QC", "900 rue de la Gauchetière O, Montréal QC"),
    "interpretation": True,
    "theme": fr("Protection et accueil : où en sommes-nous ?", "Protection and welcome: where are we?"),
    "description": paragraph(
        "Trois jours de rencontres entre les organisations membres, à huis clos.",
        "Three days of meetings among member organisations, closed to outsiders.",
    ),
}

WORKSHOPS = [
    (
        {
            "title": fr("Atelier : la traite des personnes", "Workshop: human trafficking"),
            "slug": fr("atelier-traite", "workshop-trafficking"),
            **when(150, 13, 2),
            "city": MONTREAL,
            "interpretation": True,
            "theme": fr("Reconnaître et accompagner", "Recognising and supporting"),
        },
        ["immigration-et-etablissement"],
    ),
    (
        {
            "title": fr("Atelier : jeunes réfugiés", "Workshop: young refugees"),
            "slug": fr("atelier-jeunes", "workshop-youth"),
            **when(151, 10, 2),
            "city": MONTREAL,
            "theme": fr("La parole des jeunes", "Young people's voices"),
        },
        ["protection-au-canada", "immigration-et-etablissement"],
    ),
]


def _publish_new_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _agenda(items, project):
    agenda = []
    for title, details in items:
        agenda.append(("item", {"title": title, "details": details, "project": project, "resource": None}))
    return agenda


def load_past_meetings(stdout, french, english):
    for group_slug, data in PAST_MEETINGS:
        group = WorkingGroupPage.objects.filter(locale=french, slug=group_slug).first()
        if group is None:
            continue
        data = dict(data)
        page = MeetingPage.objects.child_of(group).filter(slug=data["slug"]).first()
        if page is None:
            project = ProjectPage.objects.child_of(group).filter(locale=french).order_by("path").first()
            page = MeetingPage(**{key: value for key, value in data.items() if key != "agenda_items"})
            page.agenda = _agenda(data["agenda_items"], project)
            _publish_new_child(group, page)
            stdout.write(f"  meeting « {page.title} » created")
        translate_instance(page, english, ENGLISH, replace_alias=True)


def load_consultations(stdout, index, french, english):
    consultation = ConsultationPage.objects.child_of(index).filter(slug=CONSULTATION["slug"]).first()
    if consultation is None:
        consultation = _publish_new_child(index, ConsultationPage(**CONSULTATION))
        stdout.write("  Consultations created")
    translate_instance(consultation, english, ENGLISH, replace_alias=True)
    for data, group_slugs in WORKSHOPS:
        workshop = WorkshopPage.objects.child_of(consultation).filter(slug=data["slug"]).first()
        if workshop is None:
            workshop = WorkshopPage(**data)
            groups = WorkingGroupPage.objects.filter(locale=french, slug__in=group_slugs).order_by("path")
            workshop.preparing_groups = [WorkshopGroup(group=group) for group in groups]
            _publish_new_child(consultation, workshop)
        translate_instance(workshop, english, ENGLISH, replace_alias=True)


def load(stdout, *, with_accounts=True):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    if not WorkingGroupIndexPage.objects.filter(locale=french).exists():
        return
    convert_inline_meetings(stdout)
    home = HomePage.objects.get(locale=french)
    index = MeetingIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = _publish_new_child(home, MeetingIndexPage(**INDEX))
        stdout.write("  meetings listing created")
    translate_instance(index, english, ENGLISH, replace_alias=True)
    load_past_meetings(stdout, french, english)
    load_consultations(stdout, index, french, english)
    if with_accounts:
        load_registrations(stdout, french)


# (email, status, needs interpretation, in person): two seats taken, one person waiting.
REGISTRATIONS = [
    ("marie.tremblay@example.org", Registration.Status.CONFIRMED, False, True),
    ("james.chen@example.org", Registration.Status.CONFIRMED, True, True),
    ("sophie.martin@example.org", Registration.Status.WAITLISTED, False, True),
]
DEMO_SEATS = 2


def load_registrations(stdout, french):
    """Two seats on the first group's next meeting, both taken, and a wait-list (no email sent)."""
    group = WorkingGroupPage.objects.filter(locale=french).order_by("path").first()
    users = {user.email: user for user in get_user_model().objects.filter(email__in=[r[0] for r in REGISTRATIONS])}
    if group is None or len(users) < len(REGISTRATIONS):
        return
    meeting = (
        MeetingPage.objects.child_of(group).live().filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    )
    if meeting is None or Registration.objects.filter(event=meeting).exists():
        return
    for page in MeetingPage.objects.filter(translation_key=meeting.translation_key, alias_of__isnull=True).live():
        page.capacity, page.interpretation = DEMO_SEATS, True
        page.save_revision().publish()
    now = timezone.now()
    for position, (email, status, interpretation, in_person) in enumerate(REGISTRATIONS):
        Registration.objects.create(
            event=meeting,
            user=users[email],
            status=status,
            needs_interpretation=interpretation,
            in_person=in_person and meeting.is_in_person,
            registered_at=now + datetime.timedelta(seconds=position),
        )
    stdout.write(f"  registrations and a wait-list on « {meeting.title} »")
