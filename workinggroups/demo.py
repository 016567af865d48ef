"""Demo content of the working groups: the seed page « Les groupes de travail », in French
with its English translation made through wagtail-localize.

Every line of ``seeds/working-groups.fr.md`` is here: the index page's sections, the
three groups with their topics, and each ongoing project and achievement as its own
page. The English follows the coalition's glossary (the CCR's English group names,
Canadian spelling). Meetings and achievement dates are illustrative: the seed dates
nothing. Who leads each group is not page content: it comes from the demo memberships
(``members.demo``), which only development loads.

Idempotent: pages are found by their slug under their parent, topics by their French
name; nothing that exists is saved or translated again.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.demo import illustration_image
from home.illustrations import ILLUSTRATIONS
from home.models import HomePage
from home.translation import translate_instance

from .choices import AchievementKind, ImpactArea, IssueApproach, ProjectStatus
from .demo_texts import ACHIEVEMENT_BODIES, GROUP_BODIES, PROJECT_BODIES
from .models import (
    AchievementPage,
    AchievementTopic,
    Meeting,
    ProjectPage,
    ProjectTopic,
    Topic,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
)

#: French source text → English translation, for every string wagtail-localize extracts.
ENGLISH = {}


def fr(french, english):
    """Register the English of a French string and return the French."""
    ENGLISH[french] = english
    return french


def paragraph(french, english):
    """A rich-text paragraph: wagtail-localize's segment is the paragraph's inner HTML."""
    fr(french, english)
    return f"<p>{french}</p>"


def italic_paragraph(french, english):
    fr(f"<i>{french}</i>", f"<i>{english}</i>")
    fr(french, english)
    return f"<p><i>{french}</i></p>"


# --- Topics ---------------------------------------------------------------------------

INTEGRATION = fr("Intégration des nouveaux arrivants", "Newcomer integration")
ACCESS = fr("Accès aux services", "Access to services")
SOCIAL_JUSTICE = fr("Enjeux de justice sociale", "Social justice issues")
TRAFFICKING = fr(
    "Lutte contre la traite des personnes et travailleurs migrants", "Anti-trafficking and migrant workers"
)
CLAIMANTS = fr("Enjeux rencontrés par les demandeurs d'asile", "Issues facing refugee claimants")
DETENTION = fr("Détention à des fins d'immigration", "Immigration detention")
REMOVALS = fr("Expulsion", "Removals")
PROTECTION_NEEDS = fr(
    "Besoins et défis de protection des réfugiés autour du monde",
    "Refugee protection needs and challenges around the world",
)
RESETTLEMENT = fr(
    "Réinstallation des réfugiés dont le parrainage privé", "Refugee resettlement, including private sponsorship"
)

# --- The index page ------------------------------------------------------------------

INDEX = {
    "title": fr("Les groupes de travail", "Working groups"),
    "slug": fr("groupes-de-travail", "working-groups"),
    "introduction": fr(
        "Les groupes de travail réunissent les membres du CCR autour des enjeux qui touchent les réfugiés "
        "et les nouveaux arrivants.",
        "Working groups bring CCR members together on the issues that affect refugees and newcomers.",
    ),
    "groups_heading": fr("Participez à un groupe de travail", "Get involved in a working group"),
    "show_in_menus": True,
}

INDEX_SECTIONS = [
    (
        "purpose",
        {
            "heading": fr("Que sont-ils ?", "What are they?"),
            "body": paragraph(
                "Les groupes de travail (GT) sont des réseaux de collaboration formés par des individus "
                "<b>représentants les organismes membres</b>, qui sont engagés dans le partage d'informations "
                "et l'élaboration de positions politiques sur des enjeux* relevant d'un domaine de "
                "préoccupation particulier.",
                "Working groups are collaborative networks of individuals <b>representing member "
                "organizations</b>, who share information and develop policy positions on issues* in a "
                "particular area of concern.",
            ),
            "note": italic_paragraph(
                "*tout ce qui peut affecter le travail de nos membres et par conséquent les nouveaux arrivants, "
                "s'étalant de l'impact du racisme systémique envers les nouveaux arrivants à la détention à des "
                "fins d'immigration.",
                "*anything that can affect our members' work and therefore newcomers, from the impact of "
                "systemic racism on newcomers to immigration detention.",
            ),
            "responsibilities_intro": fr(
                "Chaque GT a un large éventail de sujets qui les occupent dont des nouvelles orientations et des "
                "questions sur lesquelles le CCR est engagé depuis longtemps. À cet effet, les GT sont en charge "
                "de :",
                "Each working group deals with a wide range of subjects, including new directions and issues the "
                "CCR has long been engaged in. To that end, working groups are in charge of:",
            ),
            "responsibilities": [
                fr("Élaborer des résolutions", "Drafting resolutions"),
                fr("Proposer des actions", "Proposing actions"),
                fr(
                    "Conseiller le Comité exécutif sur les politiques et stratégies",
                    "Advising the Executive Committee on policies and strategies",
                ),
                fr("Entreprendre des projets spéciaux", "Undertaking special projects"),
                fr("Préparer les ateliers pour les consultations", "Preparing workshops for the Consultations"),
            ],
        },
    ),
    (
        "involvement",
        {
            "heading": fr("Qui est impliqué ?", "Who is involved?"),
            "body": paragraph(
                "Chaque GT est composé exclusivement de membres. Il est piloté par deux co-président-e-s élu-e-s, "
                "un comité directeur, un représentant de l'Exécutif et un membre de l'équipe du CCR.",
                "Each working group is made up of members only. It is led by two elected co-chairs, a steering "
                "committee, an Executive representative and a member of the CCR staff.",
            ),
            "leadership_label": fr(
                "Co-président-e-s, comité directeur, rep. exécutif", "Co-chairs, steering committee, Executive rep."
            ),
            "membership_label": fr("Membres + Membre du personnel", "Members + Staff member"),
        },
    ),
    (
        "meetings",
        {
            "heading": fr("Quand se rencontrent-ils ?", "When do they meet?"),
            "body": paragraph(
                "Les GT se rencontrent 3-4 fois par année, en personne ou virtuellement. Une rencontre a lieu à "
                "Toronto, en début d'année, une deuxième à Montréal, plus tard dans l'année. Puis ils se "
                "rencontrent également aux Consultations.",
                "Working groups meet 3-4 times a year, in person or virtually. One meeting takes place in Toronto "
                "early in the year, a second in Montréal later in the year. They also meet at the Consultations.",
            ),
        },
    ),
    (
        "approaches",
        {
            "heading": fr("De quelle façon les enjeux sont-ils adressés ?", "How are issues addressed?"),
            "intro": fr(
                "Une fois que les membres ont proposé une question d'intérêt général au GT, celle-ci est traitée "
                "de différentes manières :",
                "Once members have brought an issue of general interest to the working group, it is addressed in "
                "different ways:",
            ),
            "items": [
                {"choice": choice, "text": fr(french, english)}
                for choice, french, english in [
                    (
                        IssueApproach.WORKSHOP_OR_MEETING,
                        "planifier un atelier ou une rencontre",
                        "planning a workshop or meeting",
                    ),
                    (IssueApproach.RESOLUTION, "passer une résolution", "passing a resolution"),
                    (IssueApproach.PUBLIC_CAMPAIGN, "lancer une campagne publique", "launching a public campaign"),
                    (
                        IssueApproach.RESOURCE,
                        "créer une ressource pratique ou politique",
                        "creating a practical or policy resource",
                    ),
                    (
                        IssueApproach.MEDIA_ARTICLE,
                        "partager un article dans les médias",
                        "sharing an article in the media",
                    ),
                    (IssueApproach.LEGAL_ACTION, "lancer une action en justice", "taking legal action"),
                    (
                        IssueApproach.DIALOGUE_WITH_GOVERNMENT,
                        "créer un dialogue avec le gouvernement",
                        "opening a dialogue with government",
                    ),
                ]
            ],
        },
    ),
    (
        "impact",
        {
            "heading": fr("L'impact de notre travail", "The impact of our work"),
            "intro": "",
            "items": [
                {"choice": choice, "text": fr(french, english)}
                for choice, french, english in [
                    (
                        ImpactArea.GOVERNMENT,
                        "Changements dans les pratiques et politiques du gouvernement",
                        "Changes in government practices and policies",
                    ),
                    (
                        ImpactArea.COMMUNITY,
                        "Changements dans les pratiques des acteurs communautaires",
                        "Changes in the practices of community organizations",
                    ),
                    (
                        ImpactArea.PUBLIC_AWARENESS,
                        "Augmentation de la sensibilisation sur des enjeux clés (éducation publique)",
                        "Greater awareness of key issues (public education)",
                    ),
                    (
                        ImpactArea.MEMBERS_KNOWLEDGE,
                        "Augmentation des connaissances et de l'autonomie des membres du CCR",
                        "Greater knowledge and autonomy for CCR members",
                    ),
                ]
            ],
        },
    ),
]

# --- Groups, their projects and achievements -------------------------------------------

MEETING_PATTERN = fr(
    "Le groupe se rencontre 3 à 4 fois par année : à Toronto en début d'année, à Montréal plus tard dans "
    "l'année, et aux Consultations.",
    "The group meets 3 to 4 times a year: in Toronto early in the year, in Montréal later in the year, and at "
    "the Consultations.",
)

MONTREAL = fr("Montréal", "Montréal")
TORONTO = fr("Toronto", "Toronto")
VIRTUAL_NOTES = fr(
    "Rencontre virtuelle ; le lien est envoyé aux membres du groupe.",
    "Virtual meeting; the link is sent to the group's members.",
)
CONSULTATIONS_NOTES = fr(
    "Rencontre en personne pendant les Consultations, à huis clos.",
    "In-person meeting during the Consultations, closed to outsiders.",
)
IN_PERSON_NOTES = fr(
    "Rencontre en personne d'une journée ; ordre du jour envoyé deux semaines avant.",
    "One-day in-person meeting; the agenda is sent two weeks before.",
)


def meeting(days_ahead, hour, hours, **fields):
    """A meeting ``days_ahead`` from the day the demo is loaded, at ``hour``, lasting ``hours``."""
    return {"days_ahead": days_ahead, "hour": hour, "hours": hours, **fields}


def project(title, slug, ways, topics, start_date=None):
    return {"title": title, "slug": slug, "ways_addressed": ways, "topics": topics, "start_date": start_date}


def achievement(title, slug, kind, impact, topics, date):
    return {"title": title, "slug": slug, "kind": kind, "impact_areas": impact, "topics": topics, "date": date}


A = IssueApproach
I = ImpactArea  # noqa: E741
K = AchievementKind

GROUPS = [
    {
        "title": fr("Immigration et Établissement", "Immigration and Settlement"),
        "slug": fr("immigration-et-etablissement", "immigration-and-settlement"),
        "introduction": fr(
            "Le groupe de travail Immigration et Établissement se penche sur l'intégration des nouveaux "
            "arrivants, leur accès aux services et les enjeux de justice sociale.",
            "The Immigration and Settlement Working Group works on newcomer integration, access to services and "
            "social justice issues.",
        ),
        "topics": [INTEGRATION, ACCESS, SOCIAL_JUSTICE, TRAFFICKING],
        "meetings": [
            meeting(21, 13, 2, is_virtual=True, notes=VIRTUAL_NOTES),
            meeting(60, 10, 6, city=TORONTO, notes=IN_PERSON_NOTES),
        ],
        "projects": [
            project(
                fr(
                    "Plaidoyer pour la régularisation de tous les statuts à travers un appel à l'action",
                    "Advocacy for the regularization of all statuses through a call to action",
                ),
                fr("regularisation-des-statuts", "regularization-of-status"),
                [A.PUBLIC_CAMPAIGN, A.DIALOGUE_WITH_GOVERNMENT],
                [SOCIAL_JUSTICE, TRAFFICKING],
                datetime.date(2023, 3, 1),
            ),
            project(
                fr(
                    "Échange d'informations et de stratégies pour confronter le racisme anti-noir",
                    "Sharing information and strategies to confront anti-Black racism",
                ),
                fr("racisme-anti-noir", "anti-black-racism"),
                [A.WORKSHOP_OR_MEETING],
                [SOCIAL_JUSTICE],
                datetime.date(2022, 2, 1),
            ),
            project(
                fr(
                    "Création d'un sous-groupe pour discuter des enjeux rencontrés par les étudiants internationaux",
                    "Creating a sub-group to discuss the issues facing international students",
                ),
                fr("etudiants-internationaux", "international-students"),
                [A.WORKSHOP_OR_MEETING],
                [INTEGRATION, ACCESS],
                datetime.date(2021, 9, 1),
            ),
        ],
        "achievements": [
            achievement(
                fr(
                    "Lettre ouverte en soutien aux travailleurs migrants vulnérables en temps de COVID-19",
                    "Open letter in support of vulnerable migrant workers during COVID-19",
                ),
                fr("lettre-ouverte-travailleurs-migrants", "migrant-workers-open-letter"),
                K.OPEN_LETTER,
                [I.GOVERNMENT, I.PUBLIC_AWARENESS],
                [TRAFFICKING],
                datetime.date(2020, 4, 15),
            ),
            achievement(
                fr(
                    "Réunion virtuelle sur l'évaluation d'IRCC des services fournis aux RPG conduisant à un rapport "
                    "utilisé par IRCC pour faire ses recommandations",
                    "Virtual meeting on IRCC's evaluation of services provided to GARs, leading to a report IRCC "
                    "used to make its recommendations",
                ),
                fr("evaluation-services-rpg", "gar-services-evaluation"),
                K.MEETING,
                [I.GOVERNMENT],
                [ACCESS],
                datetime.date(2021, 3, 10),
            ),
        ],
    },
    {
        "title": fr("Protection au Canada", "Inland Protection"),
        "slug": fr("protection-au-canada", "inland-protection"),
        "introduction": fr(
            "Le groupe de travail Protection au Canada se penche sur les enjeux rencontrés par les demandeurs "
            "d'asile, la détention à des fins d'immigration et les expulsions.",
            "The Inland Protection Working Group works on the issues facing refugee claimants, immigration "
            "detention and removals.",
        ),
        "topics": [CLAIMANTS, DETENTION, REMOVALS],
        "meetings": [
            meeting(28, 13, 2, is_virtual=True, notes=VIRTUAL_NOTES),
            meeting(150, 9, 3, city=MONTREAL, at_consultations=True, notes=CONSULTATIONS_NOTES),
        ],
        "projects": [
            project(
                fr("Plaidoyer sur la détention à des fins d'immigration", "Advocacy on immigration detention"),
                fr("detention-immigration", "immigration-detention"),
                [A.DIALOGUE_WITH_GOVERNMENT, A.PUBLIC_CAMPAIGN],
                [DETENTION],
                datetime.date(2022, 5, 1),
            ),
            project(
                fr(
                    "Échange régulier d'informations et communications avec IRCC sur enjeux liés aux demandeurs "
                    "d'asile",
                    "Regular information sharing and communication with IRCC on issues affecting refugee claimants",
                ),
                fr("echanges-ircc-demandeurs-asile", "ircc-refugee-claimant-exchanges"),
                [A.DIALOGUE_WITH_GOVERNMENT],
                [CLAIMANTS],
                datetime.date(2021, 1, 15),
            ),
            project(
                fr(
                    "Plaidoyer sur des Mesures spéciales COVID-19 pour les demandeurs d'asile pour leur octroyer la "
                    "résidence permanente",
                    "Advocacy for special COVID-19 measures granting permanent residence to refugee claimants",
                ),
                fr("mesures-speciales-covid-19", "covid-19-special-measures"),
                [A.DIALOGUE_WITH_GOVERNMENT, A.PUBLIC_CAMPAIGN],
                [CLAIMANTS],
                datetime.date(2020, 6, 1),
            ),
        ],
        "achievements": [
            achievement(
                fr(
                    "Développement d'un outil pratique pour aider les gens à évaluer s'ils peuvent faire une demande "
                    "de résidence pour demandeurs travaillant dans le secteur de la santé",
                    "Developed a practical tool to help people assess whether they can apply for residence under "
                    "the measure for refugee claimants working in health care",
                ),
                fr("outil-residence-secteur-sante", "health-care-residence-tool"),
                K.TOOL,
                [I.MEMBERS_KNOWLEDGE, I.COMMUNITY],
                [CLAIMANTS],
                datetime.date(2021, 1, 20),
            ),
            achievement(
                fr(
                    "Soumission de recommandations détaillées à l'Agence des services frontaliers du Canada (ASFC) "
                    "sur la violence sexiste",
                    "Submitted detailed recommendations to the Canada Border Services Agency (CBSA) on gender-based "
                    "violence",
                ),
                fr("recommandations-asfc-violence-sexiste", "cbsa-gender-based-violence-recommendations"),
                K.SUBMISSION,
                [I.GOVERNMENT],
                [CLAIMANTS, REMOVALS],
                datetime.date(2021, 6, 1),
            ),
            achievement(
                fr(
                    "Lancement d'une campagne soulignant les temps d'attente trop longs pour la réunification "
                    "familiale",
                    "Launched a campaign highlighting excessive wait times for family reunification",
                ),
                fr("campagne-reunification-familiale", "family-reunification-campaign"),
                K.CAMPAIGN,
                [I.PUBLIC_AWARENESS, I.GOVERNMENT],
                [CLAIMANTS],
                datetime.date(2021, 9, 1),
            ),
        ],
    },
    {
        "title": fr("Protection outremer et réinstallation", "Overseas Protection and Resettlement"),
        "slug": fr("protection-outremer-et-reinstallation", "overseas-protection-and-resettlement"),
        "introduction": fr(
            "Le groupe de travail Protection outremer et réinstallation se penche sur la protection des réfugiés "
            "autour du monde et sur leur réinstallation, dont le parrainage privé.",
            "The Overseas Protection and Resettlement Working Group works on refugee protection around the world "
            "and on resettlement, including private sponsorship.",
        ),
        "topics": [PROTECTION_NEEDS, RESETTLEMENT],
        "meetings": [
            meeting(35, 12, 2, is_virtual=True, notes=VIRTUAL_NOTES),
            meeting(150, 13, 3, city=MONTREAL, at_consultations=True, notes=CONSULTATIONS_NOTES),
        ],
        "projects": [
            project(
                fr("Travail de proximité avec les groupes de cinq parrains", "Outreach to Groups of Five (G5)"),
                fr("groupes-de-cinq-parrains", "groups-of-five"),
                [A.WORKSHOP_OR_MEETING, A.RESOURCE],
                [RESETTLEMENT],
                datetime.date(2022, 10, 1),
            ),
            project(
                fr(
                    "Exploration des obstacles à la réinstallation des réfugiés palestiniens",
                    "Exploring the barriers to resettling Palestinian refugees",
                ),
                fr("reinstallation-refugies-palestiniens", "palestinian-refugee-resettlement"),
                [A.WORKSHOP_OR_MEETING],
                [PROTECTION_NEEDS, RESETTLEMENT],
                datetime.date(2022, 3, 1),
            ),
            project(
                fr(
                    "Plaidoyer pour l'augmentation en matière de réinstallation (tant pris en charge par le "
                    "gouvernement que sous parrainage privé)",
                    "Advocacy for more resettlement (both government-assisted and privately sponsored)",
                ),
                fr("augmentation-reinstallation", "increased-resettlement"),
                [A.DIALOGUE_WITH_GOVERNMENT, A.PUBLIC_CAMPAIGN],
                [RESETTLEMENT],
                datetime.date(2019, 10, 1),
            ),
        ],
        "achievements": [
            achievement(
                fr(
                    "Fait 10 recommandations à IRCC suite à l'annonce de leur programme de réinstallation pour Afghans",
                    "Made 10 recommendations to IRCC following the announcement of its resettlement program for "
                    "Afghans",
                ),
                fr("recommandations-reinstallation-afghans", "afghan-resettlement-recommendations"),
                K.SUBMISSION,
                [I.GOVERNMENT],
                [RESETTLEMENT],
                datetime.date(2021, 9, 15),
            ),
            achievement(
                fr(
                    "Participation aux discussions sur la réinstallation internationale lors des Consultations "
                    "annuelles tripartites sur la réinstallation",
                    "Took part in discussions on international resettlement at the Annual Tripartite Consultations "
                    "on Resettlement (ATCR)",
                ),
                fr("consultations-tripartites-reinstallation", "atcr-discussions"),
                K.MEETING,
                [I.GOVERNMENT, I.MEMBERS_KNOWLEDGE],
                [PROTECTION_NEEDS, RESETTLEMENT],
                datetime.date(2021, 6, 22),
            ),
        ],
    },
]


# --- Loading -------------------------------------------------------------------------


def load_topics(stdout, french, english):
    names = sorted({name for group in GROUPS for name in group["topics"]})
    topics = {}
    for name in names:
        topic = Topic.objects.filter(locale=french, name=name).first()
        if topic is None:
            topic = Topic.objects.create(locale=french, name=name)
            stdout.write(f"  topic « {name} » created")
        translate_instance(topic, english, ENGLISH)
        topics[name] = topic
    return topics


def _publish_new_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def meeting_time(days_ahead, hour, duration_hours):
    """A meeting ``days_ahead`` from today, at ``hour`` in the site's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    day = datetime.date.today() + datetime.timedelta(days=days_ahead)
    starts_at = datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=zone)
    return starts_at, starts_at + datetime.timedelta(hours=duration_hours)


def load_index(stdout, home, english):
    index = WorkingGroupIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = _publish_new_child(home, WorkingGroupIndexPage(**INDEX, sections=INDEX_SECTIONS))
        stdout.write("  working groups index created")
    translate_instance(index, english, ENGLISH)
    return index.specific


def paragraphs_html(pairs):
    """Rich text of the French paragraphs, each one's English registered for the translation."""
    return "".join(paragraph(french, english) for french, english in pairs)


def illustrate(page, bodies):
    """Give ``page`` its demo picture, alternative text and text (``summary`` for a group,
    ``body`` for a project or an achievement). Returns whether anything was missing:
    pages loaded before the demo had pictures get them on the next load."""
    if page.image_id:
        return False
    name, pairs = bodies[page.slug]
    illustration = ILLUSTRATIONS[name]
    page.image = illustration_image(name)
    page.image_alt = fr(illustration.alt_fr, illustration.alt_en)
    text = paragraphs_html(pairs)
    if isinstance(page, WorkingGroupPage):
        page.summary = page.summary or text
    elif not page.body:
        page.body = [("paragraph", RichText(text))]
    return True


def _publish_illustrated(page, bodies, english):
    """Publish the picture and text a page lacked, then write its translation again."""
    page = page.specific
    if illustrate(page, bodies):
        page.save_revision().publish()
        translate_instance(page, english, ENGLISH, refresh=page.get_translation_or_none(english) is not None)
    else:
        translate_instance(page, english, ENGLISH)
    return page


def load_group(stdout, index, data, topics, english):
    group = WorkingGroupPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if group is None:
        group = WorkingGroupPage(
            title=data["title"],
            slug=data["slug"],
            introduction=data["introduction"],
            meeting_pattern=MEETING_PATTERN,
        )
        illustrate(group, GROUP_BODIES)
        group.topic_links = [WorkingGroupTopic(topic=topics[name]) for name in data["topics"]]
        meetings = []
        for item in data["meetings"]:
            item = dict(item)
            starts_at, ends_at = meeting_time(item.pop("days_ahead"), item.pop("hour"), item.pop("hours"))
            meetings.append(Meeting(starts_at=starts_at, ends_at=ends_at, **item))
        group.meetings = meetings
        _publish_new_child(index, group)
        stdout.write(f"  group « {group.title} » created")
    group = _publish_illustrated(group, GROUP_BODIES, english)

    for item in data["projects"]:
        page = ProjectPage.objects.child_of(group).filter(slug=item["slug"]).first()
        if page is None:
            page = ProjectPage(
                title=item["title"],
                slug=item["slug"],
                status=ProjectStatus.ONGOING,
                start_date=item["start_date"],
                ways_addressed=list(item["ways_addressed"]),
            )
            illustrate(page, PROJECT_BODIES)
            page.topic_links = [ProjectTopic(topic=topics[name]) for name in item["topics"]]
            _publish_new_child(group, page)
        _publish_illustrated(page, PROJECT_BODIES, english)

    for item in data["achievements"]:
        page = AchievementPage.objects.child_of(group).filter(slug=item["slug"]).first()
        if page is None:
            page = AchievementPage(
                title=item["title"],
                slug=item["slug"],
                kind=item["kind"],
                date=item["date"],
                impact_areas=list(item["impact_areas"]),
            )
            illustrate(page, ACHIEVEMENT_BODIES)
            page.topic_links = [AchievementTopic(topic=topics[name]) for name in item["topics"]]
            _publish_new_child(group, page)
        _publish_illustrated(page, ACHIEVEMENT_BODIES, english)
    return group


def load(stdout, *, with_accounts=True):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=french)
    topics = load_topics(stdout, french, english)
    index = load_index(stdout, home, english)
    for data in GROUPS:
        load_group(stdout, index, data, topics, english)
    return index
