"""Demo content of the resolutions: the database page and a dozen resolutions of the three groups,
French with English, from several general meetings; some adopted with their follow-up, one in
its comment period with amendments waiting, one on the next general meeting's list.

Idempotent: resolutions are found by their slug under the database page; nothing that exists is
saved, decided or translated again. The comment period's deadline counts from the day the demo is loaded.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from home.models import HomePage
from home.translation import translate_instance
from members.access import MEMBERS_GROUP_NAME
from workinggroups.models import AchievementPage, WorkingGroupPage

from .blocks import ActionStatus
from .choices import Outcome, Stage
from .models import Amendment, GeneralMeeting, ResolutionGroup, ResolutionIndexPage, ResolutionPage, ResolutionTopic
from .services import fingerprint, record_outcome

ENGLISH = {}


def fr(french, english):
    ENGLISH[french] = english
    return french


INDEX = {
    "title": fr("Résolutions", "Resolutions"),
    "slug": fr("resolutions", "resolutions"),
    "introduction": fr(
        "Les résolutions adoptées par l'assemblée générale de la coalition, et leur suivi.",
        "The resolutions adopted by the coalition's general meeting, and their follow-up.",
    ),
}

MEETINGS = {
    2022: (datetime.date(2022, 6, 4), "Montréal"),
    2023: (datetime.date(2023, 6, 3), "Toronto"),
    2024: (datetime.date(2024, 6, 1), "Winnipeg"),
    2025: (datetime.date(2025, 5, 31), "Halifax"),
}

IMMIGRATION = "immigration-et-etablissement"
PROTECTION = "protection-au-canada"
OVERSEAS = "protection-outremer-et-reinstallation"


def resolution(group, title, slug, whereas, resolved, decision=None, follow_up=False):
    """``decision``: (year, outcome, for, against, abstentions), or a stage not decided yet."""
    return {
        "group": group,
        "title": fr(*title),
        "slug": fr(*slug),
        "clauses": [("whereas", fr(*pair)) for pair in whereas] + [("resolved", fr(*pair)) for pair in resolved],
        "decision": decision,
        "follow_up": follow_up,
    }


RESOLUTIONS = [
    resolution(
        IMMIGRATION,
        ("Délais de réunification familiale", "Family reunification delays"),
        ("delais-reunification-familiale", "family-reunification-delays"),
        [
            (
                "les délais de traitement des demandes de réunification familiale dépassent souvent deux ans ;",
                "processing times for family reunification applications often exceed two years;",
            ),
            ("la séparation prolongée nuit à l'établissement des familles ;", "prolonged separation harms settlement;"),
        ],
        [
            (
                "que la coalition demande au gouvernement de traiter ces demandes en six mois au plus.",
                "that the coalition call on the government to process these applications within six months.",
            )
        ],
        (2022, Outcome.ADOPTED, 61, 3, 2),
        follow_up=True,
    ),
    resolution(
        IMMIGRATION,
        ("Accès aux services d'établissement", "Access to settlement services"),
        ("acces-services-etablissement", "access-to-settlement-services"),
        [
            (
                "les personnes au statut précaire sont exclues des services d'établissement ;",
                "people with precarious status are excluded from settlement services;",
            )
        ],
        [
            (
                "que la coalition plaide pour l'accès de toute personne aux services d'établissement.",
                "that the coalition advocate for access to settlement services for everyone.",
            ),
            (
                "que les organisations membres documentent les refus de service.",
                "that member organisations document refusals of service.",
            ),
        ],
        (2023, Outcome.ADOPTED_AS_AMENDED, 48, 9, 4),
        follow_up=True,
    ),
    resolution(
        IMMIGRATION,
        ("Travailleurs migrants et résidence permanente", "Migrant workers and permanent residence"),
        ("travailleurs-migrants-residence", "migrant-workers-permanent-residence"),
        [("les travailleurs migrants comblent des besoins permanents ;", "migrant workers fill permanent needs;")],
        [
            (
                "que la coalition demande un accès à la résidence permanente dès l'arrivée.",
                "that the coalition call for access to permanent residence on arrival.",
            )
        ],
        (2024, Outcome.ADOPTED, 55, 1, 6),
    ),
    resolution(
        IMMIGRATION,
        ("Frais de traitement des demandes", "Application processing fees"),
        ("frais-de-traitement", "processing-fees"),
        [("les frais exigés ont doublé en dix ans ;", "the fees charged have doubled in ten years;")],
        [
            (
                "que la coalition demande l'abolition de ces frais.",
                "that the coalition call for these fees to be abolished.",
            )
        ],
        (2025, Outcome.DEFEATED, 20, 38, 5),
    ),
    resolution(
        PROTECTION,
        ("Détention des enfants", "Detention of children"),
        ("detention-des-enfants", "detention-of-children"),
        [
            (
                "des enfants sont encore détenus pour des motifs d'immigration ;",
                "children are still detained for immigration reasons;",
            )
        ],
        [
            (
                "que la coalition demande la fin de la détention des enfants.",
                "that the coalition call for an end to the detention of children.",
            )
        ],
        (2022, Outcome.ADOPTED, 66, 0, 1),
        follow_up=True,
    ),
    resolution(
        PROTECTION,
        ("Audiences équitables pour les demandeurs d'asile", "Fair hearings for refugee claimants"),
        ("audiences-equitables", "fair-hearings"),
        [
            (
                "certains demandeurs d'asile n'ont pas accès à un appel ;",
                "some refugee claimants have no access to an appeal;",
            )
        ],
        [
            (
                "que la coalition demande un droit d'appel pour tous les demandeurs d'asile.",
                "that the coalition call for a right of appeal for all refugee claimants.",
            )
        ],
        (2024, Outcome.ADOPTED, 59, 2, 0),
    ),
    resolution(
        PROTECTION,
        ("Entente sur les tiers pays sûrs", "Safe Third Country Agreement"),
        ("tiers-pays-surs", "safe-third-country"),
        [
            (
                "l'entente renvoie des demandeurs vers des risques de détention ;",
                "the agreement sends claimants back to risks of detention;",
            )
        ],
        [
            (
                "que la coalition demande la suspension de l'entente.",
                "that the coalition call for the agreement to be suspended.",
            )
        ],
        (2023, Outcome.REFERRED, None, None, None),
    ),
    resolution(
        PROTECTION,
        ("Protection des victimes de la traite", "Protection of trafficked persons"),
        ("victimes-de-la-traite", "trafficked-persons"),
        [
            (
                "les victimes de la traite craignent d'être expulsées si elles dénoncent ;",
                "trafficked persons fear removal if they come forward;",
            ),
            (
                "les permis temporaires actuels sont trop courts ;",
                "current temporary permits are too short;",
            ),
        ],
        [
            (
                "que la coalition demande un permis de trois ans pour les victimes de la traite.",
                "that the coalition call for a three-year permit for trafficked persons.",
            ),
            (
                "que la coalition forme ses membres à reconnaître la traite.",
                "that the coalition train its members to recognise trafficking.",
            ),
        ],
        Stage.COMMENT,
    ),
    resolution(
        OVERSEAS,
        ("Parrainage privé des réfugiés", "Private sponsorship of refugees"),
        ("parrainage-prive", "private-sponsorship"),
        [
            (
                "le parrainage privé doit compléter la réinstallation par l'État, non la remplacer ;",
                "private sponsorship must add to government resettlement, not replace it;",
            )
        ],
        [
            (
                "que la coalition défende le principe d'additionnalité.",
                "that the coalition defend the principle of additionality.",
            )
        ],
        (2022, Outcome.ADOPTED, 60, 4, 3),
    ),
    resolution(
        OVERSEAS,
        ("Cibles de réinstallation", "Resettlement targets"),
        ("cibles-de-reinstallation", "resettlement-targets"),
        [
            (
                "les besoins mondiaux de réinstallation augmentent chaque année ;",
                "global resettlement needs grow every year;",
            )
        ],
        [
            (
                "que la coalition demande de doubler les cibles de réinstallation.",
                "that the coalition call for resettlement targets to be doubled.",
            )
        ],
        (2025, Outcome.ADOPTED, 52, 5, 2),
        follow_up=True,
    ),
    resolution(
        OVERSEAS,
        ("Délais dans les bureaux des visas", "Delays at visa offices"),
        ("delais-bureaux-visas", "visa-office-delays"),
        [("certains bureaux des visas cumulent des années de retard ;", "some visa offices are years behind;")],
        [("que la coalition demande des ressources supplémentaires.", "that the coalition call for more resources.")],
        (2023, Outcome.WITHDRAWN, None, None, None),
    ),
    resolution(
        OVERSEAS,
        ("Réinstallation des personnes LGBTQI+", "Resettlement of LGBTQI+ people"),
        ("reinstallation-lgbtqi", "lgbtqi-resettlement"),
        [
            (
                "les personnes LGBTQI+ sont exposées à des dangers particuliers dans les pays de premier asile ;",
                "LGBTQI+ people face particular dangers in countries of first asylum;",
            )
        ],
        [
            (
                "que la coalition demande un volet prioritaire de réinstallation.",
                "that the coalition call for a priority resettlement stream.",
            )
        ],
        Stage.ON_AGENDA,
    ),
]

FOLLOW_UP = {
    "actions": [
        (fr("Écrire au ministre.", "Write to the minister."), ActionStatus.DONE),
        (fr("Rencontrer les fonctionnaires.", "Meet the officials."), ActionStatus.UNDER_WAY),
        (
            fr("Faire le point à la prochaine assemblée.", "Report at the next general meeting."),
            ActionStatus.NOT_STARTED,
        ),
    ],
    "update": fr(
        "Une lettre ouverte a été publiée et reprise par les médias.",
        "An open letter was published and picked up by the media.",
    ),
}

AMENDMENTS = [
    (
        0,
        Amendment.Kind.REPLACE,
        "que la coalition demande un permis permanent pour les victimes de la traite.",
        "Un permis temporaire laisse les personnes dans l'incertitude.",
    ),
    (3, Amendment.Kind.DELETE, "", "La formation relève des groupes, pas d'une résolution."),
]


def general_meeting(year):
    date, city = MEETINGS[year]
    meeting, _ = GeneralMeeting.objects.get_or_create(date=date, defaults={"city": city})
    return meeting


def follow_up(group):
    achievement = AchievementPage.objects.child_of(group).live().order_by("path").first()
    blocks = [
        ("action", {"description": description, "status": status}) for description, status in FOLLOW_UP["actions"]
    ]
    update = {"date": datetime.date(2025, 10, 15), "text": FOLLOW_UP["update"], "projects": [], "achievements": []}
    if achievement is not None:
        update["achievements"] = [achievement]
    blocks.append(("update", update))
    return blocks


def create(index, group, data):
    page = ResolutionPage(title=data["title"], slug=data["slug"], clauses=data["clauses"])
    page.drafting_groups = [ResolutionGroup(group=group)]
    topic_link = group.topic_links.first()
    if topic_link is not None:
        page.topic_links = [ResolutionTopic(topic=topic_link.topic)]
    if data["follow_up"]:
        page.follow_up = follow_up(group)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def decide(page, decision):
    record = page.record
    if decision in (Stage.COMMENT, Stage.ON_AGENDA):
        record.stage = decision
        if decision == Stage.COMMENT:
            record.comment_deadline = timezone.now() + datetime.timedelta(days=14)
        else:
            record.general_meeting = general_meeting(2025)
        record.save()
        return
    year, outcome, votes_for, votes_against, abstentions = decision
    record.general_meeting = general_meeting(year)
    record_outcome(
        record,
        outcome,
        MEETINGS[year][0],
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )


def propose_amendments(page):
    members = get_user_model().objects.filter(groups__name=MEMBERS_GROUP_NAME, is_active=True).order_by("pk")
    author = members.first()
    if author is None:
        return
    clauses = list(page.clauses)
    for position, kind, text, reason in AMENDMENTS:
        Amendment.objects.get_or_create(
            record=page.record,
            author=author,
            clause_id=clauses[position].id,
            kind=kind,
            fingerprint=fingerprint(kind, text),
            defaults={"page": page, "text": text, "reason": reason},
        )


def load(stdout, *, with_accounts=True):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=french).first()
    if home is None or not WorkingGroupPage.objects.filter(locale=french).exists():
        return
    index = ResolutionIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=ResolutionIndexPage(**INDEX))
        index.save_revision().publish()
        stdout.write("  resolutions database created")
    translate_instance(index, english, ENGLISH, replace_alias=True)
    # Decided in the order of the meetings, so that each year's numbers follow the order of this list.
    created = []
    for data in RESOLUTIONS:
        page = ResolutionPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            group = WorkingGroupPage.objects.get(locale=french, slug=data["group"])
            page = create(index, group, data)
            created.append((page, data["decision"]))
            stdout.write(f"  resolution « {page.title} » created")
        translate_instance(page, english, ENGLISH, replace_alias=True)
    decided = [(page, decision) for page, decision in created if isinstance(decision, tuple)]
    for page, decision in sorted(decided, key=lambda item: item[1][0]):
        decide(page, decision)
    for page, decision in created:
        if not isinstance(decision, tuple):
            decide(page, decision)
            if decision == Stage.COMMENT:
                propose_amendments(page)
