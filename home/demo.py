"""Demo content of the home app: locales, site, home page and footer, in French then English."""

from django.conf import settings
from django.core.management.base import CommandError

from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteFooter
from .translation import translate_instance

HOME_FR = {
    "title": "Conseil canadien pour les réfugiés",
    "slug": "accueil",
    "hero_text": "Ensemble pour les droits des réfugiés et des nouveaux arrivants.",
    "introduction": (
        "Le CCR est une coalition d'organismes membres engagés pour la protection des "
        "réfugiés au Canada et dans le monde, et pour l'établissement des réfugiés et des "
        "immigrants au Canada."
    ),
    "body": (
        "<p>Nos membres travaillent ensemble au sein de <b>groupes de travail</b> pour "
        "partager l'information, élaborer des positions politiques et agir.</p>"
    ),
    "join_title": "Participez à un groupe de travail",
    "join_text": (
        "Les groupes de travail sont composés exclusivement de membres. Représentez votre "
        "organisme membre et joignez-vous à nous."
    ),
}

HOME_EN = {
    HOME_FR["title"]: "Canadian Council for Refugees",
    HOME_FR["slug"]: "home",
    HOME_FR["hero_text"]: "Together for the rights of refugees and newcomers.",
    HOME_FR["introduction"]: (
        "The CCR is a coalition of member organizations committed to the protection of "
        "refugees in Canada and around the world, and to the settlement of refugees and "
        "immigrants in Canada."
    ),
    "Nos membres travaillent ensemble au sein de <b>groupes de travail</b> pour partager "
    "l'information, élaborer des positions politiques et agir.": (
        "Our members work together in <b>working groups</b> to share information, develop "
        "policy positions and take action."
    ),
    HOME_FR["join_title"]: "Get involved in a working group",
    HOME_FR["join_text"]: (
        "Working groups are made up of members only. Represent your member organization and join us."
    ),
}

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


def load_home(stdout, french, english):
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
        home = root.add_child(instance=HomePage(locale=french, **HOME_FR))
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
