"""Demo resources: the groups' real achievements and projects, each with a small PDF made here.

Resources are created in French and translated into English through wagtail-localize;
some English versions carry their own English PDF (a document override, as staff
would set it in the translation editor). Working groups and topics are linked when
the working-groups demo has created them, and skipped otherwise. Idempotent: a
resource is found by its French slug and left alone when it exists.
"""

import datetime
import io
import json

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.utils.file import hash_filelike
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from home.translation import translate_instance
from workinggroups.models import AchievementPage, Topic, WorkingGroupPage

from .models import Resource, ResourceTopic, ResourceWorkingGroup

IS = "Immigration et Établissement"
IP = "Protection au Canada"
OPR = "Protection outremer et réinstallation"

RESOURCES = [
    {
        "fr": {
            "title": "Outil pratique : la résidence permanente pour les demandeurs d'asile travaillant dans la santé",
            "slug": "outil-residence-permanente-demandeurs-asile-sante",
            "description": (
                "Un outil pour aider les personnes à évaluer si elles peuvent faire une demande de résidence "
                "permanente au titre de la mesure pour les demandeurs d'asile travaillant dans le secteur de la santé."
            ),
        },
        "en": {
            "title": "Practical tool: permanent residence for refugee claimants working in health care",
            "slug": "tool-permanent-residence-refugee-claimants-health-care",
            "description": (
                "A tool to help people assess whether they can apply for permanent residence under the measure "
                "for refugee claimants working in health care."
            ),
        },
        "kind": Resource.Kind.PRACTICAL_TOOL,
        "audience": Resource.Audience.PUBLIC,
        "date": datetime.date(2021, 3, 15),
        "groups": [IP],
        "topics": ["Enjeux rencontrés par les demandeurs d'asile", "Accès aux services"],
        "english_file": True,
        "achievement": "outil-residence-secteur-sante",
    },
    {
        "fr": {
            "title": "Recommandations à l'ASFC sur la violence sexiste",
            "slug": "recommandations-asfc-violence-sexiste",
            "description": (
                "Soumission de recommandations détaillées à l'Agence des services frontaliers du Canada (ASFC) "
                "sur la prévention de la violence sexiste et la réponse à celle-ci."
            ),
        },
        "en": {
            "title": "Recommendations to the CBSA on gender-based violence",
            "slug": "recommendations-cbsa-gender-based-violence",
            "description": (
                "Submission of detailed recommendations to the Canada Border Services Agency (CBSA) on "
                "preventing and responding to gender-based violence."
            ),
        },
        "kind": Resource.Kind.SUBMISSION,
        "audience": Resource.Audience.MEMBERS,
        "date": datetime.date(2022, 6, 1),
        "groups": [IP],
        "topics": ["Enjeux rencontrés par les demandeurs d'asile", "Détention à des fins d'immigration"],
        "english_file": True,
        "achievement": "recommandations-asfc-violence-sexiste",
    },
    {
        "fr": {
            "title": "Dix recommandations à IRCC sur la réinstallation des Afghans",
            "slug": "dix-recommandations-ircc-reinstallation-afghans",
            "description": (
                "Les 10 recommandations faites à IRCC à la suite de l'annonce de son programme de réinstallation "
                "pour les Afghans."
            ),
        },
        "en": {
            "title": "Ten recommendations to IRCC on the resettlement of Afghans",
            "slug": "ten-recommendations-ircc-resettlement-afghans",
            "description": (
                "The 10 recommendations made to IRCC following the announcement of its resettlement program "
                "for Afghans."
            ),
        },
        "kind": Resource.Kind.POLICY_BRIEF,
        "audience": Resource.Audience.PUBLIC,
        "date": datetime.date(2021, 9, 10),
        "groups": [OPR],
        "topics": ["Réinstallation des réfugiés dont le parrainage privé"],
        "english_file": True,
        "achievement": "recommandations-reinstallation-afghans",
    },
    {
        "fr": {
            "title": "Lettre ouverte en soutien aux travailleurs migrants vulnérables en temps de COVID-19",
            "slug": "lettre-ouverte-travailleurs-migrants-covid-19",
            "description": "Lettre ouverte des membres du CCR en soutien aux travailleurs migrants vulnérables.",
        },
        "en": {
            "title": "Open letter in support of vulnerable migrant workers during COVID-19",
            "slug": "open-letter-migrant-workers-covid-19",
            "description": "Open letter from CCR members in support of vulnerable migrant workers.",
        },
        "kind": Resource.Kind.OPEN_LETTER,
        "audience": Resource.Audience.PUBLIC,
        "date": datetime.date(2020, 5, 4),
        "groups": [IS],
        "topics": ["Lutte contre la traite des personnes et travailleurs migrants"],
        "english_file": False,
        "achievement": "lettre-ouverte-travailleurs-migrants",
    },
    {
        "fr": {
            "title": "Rapport : évaluation par IRCC des services aux réfugiés pris en charge par le gouvernement",
            "slug": "rapport-evaluation-ircc-services-rpg",
            "description": (
                "Le rapport issu de la réunion virtuelle des membres sur l'évaluation d'IRCC des services fournis "
                "aux RPG, utilisé par IRCC pour faire ses recommandations."
            ),
        },
        "en": {
            "title": "Report: IRCC's evaluation of services to government-assisted refugees",
            "slug": "report-ircc-evaluation-services-gars",
            "description": (
                "The report from the members' virtual meeting on IRCC's evaluation of services provided to GARs, "
                "used by IRCC to make its recommendations."
            ),
        },
        "kind": Resource.Kind.REPORT,
        "audience": Resource.Audience.MEMBERS,
        "date": datetime.date(2021, 11, 20),
        "groups": [IS],
        "topics": ["Accès aux services", "Intégration des nouveaux arrivants"],
        "english_file": False,
        "achievement": "evaluation-services-rpg",
    },
    {
        "fr": {
            "title": "Guide du travail de proximité avec les groupes de cinq parrains",
            "slug": "guide-proximite-groupes-de-cinq-parrains",
            "description": "Conseils pratiques aux organismes membres pour accompagner les groupes de cinq parrains.",
        },
        "en": {
            "title": "Guide to outreach with Groups of Five",
            "slug": "guide-outreach-groups-of-five",
            "description": "Practical advice for member organizations supporting Groups of Five sponsors.",
        },
        "kind": Resource.Kind.GUIDE,
        "audience": Resource.Audience.MEMBERS,
        "date": datetime.date(2023, 2, 8),
        "groups": [OPR],
        "topics": ["Réinstallation des réfugiés dont le parrainage privé"],
        "english_file": True,
    },
    {
        "fr": {
            "title": "Modèle de lettre : appel à l'action pour la régularisation de tous les statuts",
            "slug": "modele-lettre-regularisation-tous-statuts",
            "description": (
                "Un modèle de lettre aux députés que les organismes membres adaptent pour plaider pour la "
                "régularisation de tous les statuts."
            ),
        },
        "en": {
            "title": "Template letter: call to action for regularization (status for all)",
            "slug": "template-letter-regularization-status-for-all",
            "description": (
                "A template letter to members of Parliament that member organizations adapt to advocate for "
                "regularization (status for all)."
            ),
        },
        "kind": Resource.Kind.TEMPLATE,
        "audience": Resource.Audience.MEMBERS,
        "date": datetime.date(2024, 4, 22),
        "groups": [IS],
        "topics": ["Enjeux de justice sociale"],
        "english_file": False,
    },
]

ORGANISATION = {"fr": "Conseil canadien pour les réfugiés", "en": "Canadian Council for Refugees"}
AUDIENCE_LINE = {
    "fr": {"public": "Document public.", "members": "Document réservé aux membres du CCR."},
    "en": {"public": "Public document.", "members": "For CCR members only."},
}


def make_pdf(title, description, language, audience):
    """A one-page PDF in pure Python (fpdf2's core fonts cover French's Latin-1 letters)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    pdf.set_title(title)
    pdf.set_author(ORGANISATION[language])
    pdf.set_lang(language)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 7, description)
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 6, f"{ORGANISATION[language]} - {AUDIENCE_LINE[language][audience]}")
    return bytes(pdf.output())


def get_or_create_document(title, filename, content):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=Collection.get_first_root_node())
        document.file.save(filename, ContentFile(content), save=False)
        # What Wagtail's upload form records, so that the library shows the size without asking the storage.
        document.file_size = len(content)
        document.file_hash = hash_filelike(io.BytesIO(content))
        document.save()
    return document


def override_file(resource, locale, document):
    """Give the translation in ``locale`` its own file, the way the translation editor does."""
    source = TranslationSource.objects.get_for_instance(resource)
    segment = OverridableSegment.objects.select_related("context").get(source=source, context__path="document")
    SegmentOverride.objects.update_or_create(
        locale=locale, context=segment.context, defaults={"data_json": json.dumps(document.pk)}
    )
    source.create_or_update_translation(locale, publish=True)


def _groups_by_title():
    default = Locale.get_default()
    return {page.title: page for page in WorkingGroupPage.objects.filter(locale=default)}


def _topics_with_english(french, english):
    english_keys = set(Topic.objects.filter(locale=english).values_list("translation_key", flat=True))
    return {
        topic.name.casefold(): topic
        for topic in Topic.objects.filter(locale=french)
        if topic.translation_key in english_keys
    }


def load(stdout, *, with_accounts=True):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    groups = _groups_by_title()
    topics = _topics_with_english(french, english)
    for data in RESOURCES:
        with transaction.atomic():
            load_resource(stdout, data, french, english, groups, topics)


def load_resource(stdout, data, french, english, groups, topics):
    fr, en = data["fr"], data["en"]
    resource = Resource.objects.filter(locale=french, slug=fr["slug"]).first()
    if resource is None:
        document = get_or_create_document(
            fr["title"], f"{fr['slug']}.pdf", make_pdf(fr["title"], fr["description"], "fr", data["audience"])
        )
        resource = Resource(
            locale=french,
            document=document,
            file_language="fr",
            kind=data["kind"],
            audience=data["audience"],
            date=data["date"],
            **fr,
        )
        # Groups and topics only when the working-groups demo made them (it runs first).
        resource.working_group_links = [
            ResourceWorkingGroup(group=groups[title]) for title in data["groups"] if title in groups
        ]
        resource.topic_links = [
            ResourceTopic(topic=topics[name.casefold()]) for name in data["topics"] if name.casefold() in topics
        ]
        resource.save()
        resource.save_revision().publish()
        stdout.write(f"  resource « {resource.title} » created")

    english_strings = {fr["title"]: en["title"], fr["slug"]: en["slug"], fr["description"]: en["description"]}
    translated = translate_instance(resource, english, english_strings)
    if data["english_file"] and translated.file_language != "en":
        document = get_or_create_document(
            en["title"], f"{en['slug']}.pdf", make_pdf(en["title"], en["description"], "en", data["audience"])
        )
        override_file(resource, english, document)
        stdout.write(f"  resource « {en['title']} » has its own English file")
    if data.get("achievement"):
        link_achievement(resource, data["achievement"], french, english)


def link_achievement(resource, slug, french, english):
    """Point the achievement (French slug) at its resource, once; its English translation follows."""
    achievement = AchievementPage.objects.filter(locale=french, slug=slug, alias_of__isnull=True).first()
    if achievement is None or achievement.resource_id:
        return
    achievement.resource = resource
    achievement.save_revision().publish()
    translate_instance(achievement, english, {}, refresh=achievement.get_translation_or_none(english) is not None)
