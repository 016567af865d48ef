"""Demo content of the home app: locales, site, home page and footer, in French then English."""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection, Locale, Page, Site
from wagtail.utils.file import hash_filelike

from .head import SOCIAL_IMAGE_FILTER
from .illustrations import HEIGHT, ILLUSTRATIONS, WIDTH
from .models import HomePage, SiteFooter
from .translation import translate_instance

LEAD_TEXT_FR = [
    "Le CCR est une coalition d'organismes membres engagés pour la protection des réfugiés au Canada et "
    "dans le monde, et pour l'établissement des réfugiés et des immigrants au Canada.",
    "Nos membres travaillent ensemble au sein de <b>groupes de travail</b> pour partager l'information, "
    "élaborer des positions politiques et agir.",
]
LEAD_TEXT_EN = [
    "The CCR is a coalition of member organizations committed to the protection of refugees in Canada and "
    "around the world, and to the settlement of refugees and immigrants in Canada.",
    "Our members work together in <b>working groups</b> to share information, develop policy positions and "
    "take action.",
]

HOME_FR = {
    "title": "Conseil canadien pour les réfugiés",
    "slug": "accueil",
    "introduction": LEAD_TEXT_FR[0],
}

#: The home page's blocks, French text → English, in order (the lead's image is added at load).
HOME_BLOCKS = [
    (
        "lead",
        {
            "message": (
                "Ensemble pour les droits des réfugiés et des nouveaux arrivants.",
                "Together for the rights of refugees and newcomers.",
            ),
            "text": list(zip(LEAD_TEXT_FR, LEAD_TEXT_EN, strict=True)),
        },
    ),
    (
        "working_groups",
        {
            "heading": ("Nos groupes de travail", "Our working groups"),
            "text": (
                "Trois groupes de travail réunissent les représentants des organismes membres autour des enjeux "
                "qui touchent les réfugiés et les nouveaux arrivants. Chacun se rencontre trois ou quatre fois "
                "par année.",
                "Three working groups bring together the representatives of member organizations on the issues "
                "that affect refugees and newcomers. Each meets three or four times a year.",
            ),
        },
    ),
    (
        "upcoming_meetings",
        {
            "heading": ("Prochaines rencontres", "Upcoming meetings"),
            "text": (
                "Les rencontres des groupes de travail sont réservées aux membres ; celles des Consultations se "
                "tiennent à huis clos.",
                "Working group meetings are for members only; those at the Consultations are closed to outsiders.",
            ),
            "count": 4,
        },
    ),
    (
        "latest_resources",
        {
            "heading": ("Nouveautés de la bibliothèque de ressources", "New in the resource library"),
            "text": (
                "Outils pratiques, lettres ouvertes et recommandations, publiés pour tous.",
                "Practical tools, open letters and recommendations, published for everyone.",
            ),
            "count": 3,
        },
    ),
    (
        "latest_achievements",
        {"heading": ("Nos dernières réalisations", "Our latest achievements"), "count": 3},
    ),
    (
        "call_to_join",
        {
            "heading": ("Participez à un groupe de travail", "Get involved in a working group"),
            "text": (
                "Les groupes de travail sont composés exclusivement de membres. Représentez votre organisme "
                "membre et joignez-vous à nous.",
                "Working groups are made up of members only. Represent your member organization and join us.",
            ),
            "signup_button": True,
        },
    ),
]

HOME_EN = {
    HOME_FR["title"]: "Canadian Council for Refugees",
    HOME_FR["slug"]: "home",
    **dict(zip(LEAD_TEXT_FR, LEAD_TEXT_EN, strict=True)),
}


def _french_and_english(value):
    """A block's French value, and its strings (French → English) added to HOME_EN."""
    if isinstance(value, tuple):
        HOME_EN[value[0]] = value[1]
        return value[0]
    if isinstance(value, list):  # rich text: one paragraph a pair
        return "".join(f"<p>{_french_and_english(pair)}</p>" for pair in value)
    return value


HOME_BLOCKS_FR = [
    (block_type, {name: _french_and_english(value) for name, value in fields.items()})
    for block_type, fields in HOME_BLOCKS
]

HOME_EN[ILLUSTRATIONS["accueil"].alt_fr] = ILLUSTRATIONS["accueil"].alt_en

ILLUSTRATION_COLLECTION = "Illustrations de démonstration"

FOOTER_FR = {
    "organisation_name": "Conseil canadien pour les réfugiés",
    "address": "6839, rue Drolet, bureau 301\nMontréal (Québec) H2S 2T1",
    "email": "info@ccrweb.ca",
    "phone": "514 277-7223",
    "legal_text": "<p>© Conseil canadien pour les réfugiés. Tous droits réservés.</p>",
}

FOOTER_EN = {
    FOOTER_FR["organisation_name"]: "Canadian Council for Refugees",
    # wagtail-localize keeps line breaks of plain text as <br/> in its segments.
    "6839, rue Drolet, bureau 301<br/>Montréal (Québec) H2S 2T1": (
        "6839 Drolet Street, Suite 301<br/>Montréal, Quebec H2S 2T1"
    ),
    "© Conseil canadien pour les réfugiés. Tous droits réservés.": (
        "© Canadian Council for Refugees. All rights reserved."
    ),
    "Facebook": "Facebook",
    "Bluesky": "Bluesky",
}

SOCIAL_LINKS = [
    ("Facebook", "https://www.facebook.com/ccrweb"),
    ("Bluesky", "https://bsky.app/profile/ccrweb.ca"),
]

DEV_SUPERUSER = {"email": "admin@example.org", "password": "coalition-admin"}


def get_locales():
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


def load_home(stdout, french, english, *, lead_image=True):
    """The French home page with its English translation; ``lead_image=False`` leaves the lead
    without its picture (tests that need no rendition to be made)."""
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # A flushed database (transactional tests, a partial restore) has no tree root.
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=french))
        # Wagtail's first migration leaves a placeholder page; the home page replaces it.
        for placeholder in root.get_children().filter(content_type__model="page"):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = HomePage(locale=french, **HOME_FR)
        home.body = home_blocks(illustration_image("accueil") if lead_image else None)
        root.add_child(instance=home)
        home.save_revision().publish()
        stdout.write("  home page created")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    translate_instance(home, english, HOME_EN)
    return home


BLANK_FIELDS = {
    "lead": {"text": "", "link_text": "", "page": None},
    "working_groups": {"heading": "", "text": ""},
    "upcoming_meetings": {"heading": "", "text": ""},
    "latest_resources": {"heading": "", "text": ""},
    "latest_achievements": {"heading": "", "text": ""},
    "call_to_join": {"text": "", "page": None, "link_text": ""},
}


def home_blocks(lead_image):
    """The demo home page's blocks, in French, the lead with its picture."""
    illustration = ILLUSTRATIONS["accueil"]
    blocks = []
    for block_type, value in HOME_BLOCKS_FR:
        # Every text field given, blank ones as empty strings (as the editor saves them).
        value = {**BLANK_FIELDS[block_type], **value}
        if block_type == "lead":
            value["image"] = {
                "image": lead_image.pk if lead_image else None,
                "alt_text": illustration.alt_fr if lead_image else "",
                "decorative": False,
            }
        blocks.append({"type": block_type, "value": value})
    return blocks


def illustration_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=ILLUSTRATION_COLLECTION).first()
    return collection or root.add_child(name=ILLUSTRATION_COLLECTION)


def illustration_image(name):
    """The image library's copy of the demo illustration ``name`` (home/demo_images/), imported once.

    Its description is the French alternative text; pages carry their own, translated.
    """
    illustration = ILLUSTRATIONS[name]
    Image = get_image_model()
    image = Image.objects.filter(title=illustration.name).first()
    if image is None:
        content = illustration.path.read_bytes()
        image = Image(title=illustration.name, collection=illustration_collection(), description=illustration.alt_fr)
        image.file.save(illustration.filename, ContentFile(content), save=False)
        # What Wagtail's upload form records, so that nothing is saved again while a page renders.
        image.width, image.height = WIDTH, HEIGHT
        image.file_size = len(content)
        image.file_hash = hash_filelike(io.BytesIO(content))
        image.save()
        image.get_renditions(*DEMO_RENDITIONS)
    return image


#: Every rendition the templates ask of a picture (page_image.html, lead.html, image.html,
#: home_working_groups.html, the social image), made with the demo: AVIF is slow to encode,
#: and the first visitor, or each test reading the demo content, would otherwise pay for it.
DEMO_RENDITIONS = (*Filter.expand_spec("format-{avif,webp,jpeg}|width-{360,480,720,960,1440}"), SOCIAL_IMAGE_FILTER)


def load_footer(stdout, french, english):
    footer = SiteFooter.objects.filter(locale=french).first()
    if footer is None:
        footer = SiteFooter(locale=french, **FOOTER_FR)
        footer.social_links = [("link", {"name": name, "url": url}) for name, url in SOCIAL_LINKS]
        footer.save()
        stdout.write("  footer created")
    translate_instance(footer, english, FOOTER_EN)


def load_superuser(stdout):
    from django.contrib.auth import get_user_model

    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise CommandError(
            "Demo accounts are for development only; these settings refuse them "
            "(run with --no-accounts to load the content alone)."
        )
    User = get_user_model()
    if not User.objects.filter(email=DEV_SUPERUSER["email"]).exists():
        User.objects.create_superuser(
            email=DEV_SUPERUSER["email"],
            password=DEV_SUPERUSER["password"],
            first_name="Admin",
            last_name="Demo",
        )
        stdout.write(f"  superuser {DEV_SUPERUSER['email']} created")


def load(stdout, *, with_accounts=True):
    french, english = get_locales()
    home = load_home(stdout, french, english)
    load_footer(stdout, french, english)
    if with_accounts:
        load_superuser(stdout)
    return home
