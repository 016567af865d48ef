"""Demo content of the site's frame: the privacy policy, the accessibility statement and the
terms of membership (standard pages in French with their English translation), the footer's
links to them, and the main menu of each language.

Loaded after the working groups and the meetings (the menu links to their listings).
Idempotent: pages are found by their slug under the home page, the menu by its language; the
footer's links are added only where it has none.
"""

from wagtail.models import Locale

from meetings.models import MeetingIndexPage
from workinggroups.models import WorkingGroupIndexPage

from .models import HomePage, MainMenu, SiteFooter, StandardPage
from .translation import translate_instance

#: French source text → English translation, for every string wagtail-localize extracts.
ENGLISH = {}


def fr(french, english):
    ENGLISH[french] = english
    return french


def heading(french, english):
    return ("heading", fr(french, english))


def paragraph(french, english):
    """A rich-text paragraph: wagtail-localize's segment is the paragraph's inner HTML."""
    return ("paragraph", f"<p>{fr(french, english)}</p>")


def bullets(*items):
    """A bulleted list: each item is a segment of its own."""
    return ("paragraph", "<ul>" + "".join(f"<li>{fr(french, english)}</li>" for french, english in items) + "</ul>")


PRIVACY = {
    "title": fr("Politique de confidentialité", "Privacy policy"),
    "slug": fr("politique-de-confidentialite", "privacy-policy"),
    "introduction": fr(
        "Comment le Conseil canadien pour les réfugiés recueille, utilise, protège et conserve les "
        "renseignements personnels des personnes qui visitent ce site, s'y inscrivent ou participent à ses "
        "groupes de travail.",
        "How the Canadian Council for Refugees collects, uses, protects and keeps the personal information "
        "of people who visit this site, sign up on it or take part in its working groups.",
    ),
    "body": [
        paragraph(
            "Nous suivons les dix principes relatifs à l'équité dans le traitement de l'information de la "
            "Loi sur la protection des renseignements personnels et les documents électroniques (LPRPDE). "
            "Cette politique les explique simplement.",
            "We follow the ten fair information principles of the Personal Information Protection and "
            "Electronic Documents Act (PIPEDA). This policy explains them plainly.",
        ),
        heading("Responsabilité", "Accountability"),
        paragraph(
            "Une personne responsable de la protection des renseignements personnels veille au respect de "
            "cette politique. Écrivez-lui à l'adresse courriel indiquée au bas de chaque page, en précisant "
            "« Vie privée » dans l'objet.",
            "A privacy officer is responsible for this policy. Write to them at the email address at the "
            "bottom of every page, with “Privacy” in the subject line.",
        ),
        heading("Ce que nous recueillons et pourquoi", "What we collect and why"),
        bullets(
            (
                "Votre nom, votre adresse courriel et l'organisme membre que vous représentez, pour créer "
                "votre compte et vérifier que vous pouvez devenir membre.",
                "Your name, your email address and the member organization you represent, to create your "
                "account and check that you may become a member.",
            ),
            (
                "Les groupes de travail auxquels vous participez et votre rôle, pour vous donner accès à "
                "leurs réunions et à leurs documents réservés aux membres.",
                "The working groups you take part in and your role, to give you access to their meetings "
                "and members-only documents.",
            ),
            (
                "Des journaux techniques (adresse IP, date, page demandée), gardés 30 jours, pour protéger "
                "le site contre les abus.",
                "Technical logs (IP address, date, page requested), kept for 30 days, to protect the site "
                "against abuse.",
            ),
        ),
        paragraph(
            "Nous ne recueillons rien de plus. Le site n'utilise ni publicité, ni outil de suivi de tiers; "
            "ses seuls témoins (cookies) servent à garder votre session et votre choix de langue.",
            "We collect nothing more. The site has no advertising and no third-party tracking; its only "
            "cookies keep your session and your choice of language.",
        ),
        heading("Consentement et utilisation", "Consent and use"),
        paragraph(
            "Vous consentez à cette collecte en créant votre compte. Nous n'utilisons vos renseignements "
            "qu'aux fins indiquées ici et nous ne les vendons ni ne les louons jamais. Les coprésident-e-s "
            "d'un groupe voient la liste de ses membres; personne d'autre, sauf le personnel du CCR qui gère "
            "les adhésions.",
            "You consent to this collection when you create your account. We use your information only for "
            "the purposes stated here and never sell or rent it. A group's co-chairs see its list of "
            "members; no one else does, apart from the CCR staff who manage memberships.",
        ),
        heading("Conservation et protection", "Retention and safeguards"),
        paragraph(
            "Vos renseignements sont conservés tant que votre compte existe. Vous pouvez supprimer votre "
            "compte vous-même depuis votre espace membre : vos renseignements sont alors effacés, sauf ce "
            "que la loi nous oblige à garder. Les données sont hébergées au Canada, chiffrées pendant leur "
            "transmission, et l'accès du personnel est protégé par une double authentification.",
            "Your information is kept for as long as your account exists. You can delete your account "
            "yourself from the members area: your information is then erased, except what the law requires "
            "us to keep. The data is hosted in Canada, encrypted in transit, and staff access is protected "
            "by two-factor authentication.",
        ),
        heading("Accès, correction et plaintes", "Access, correction and complaints"),
        paragraph(
            "Vous pouvez consulter et corriger votre profil à tout moment, et nous demander une copie de "
            "tous les renseignements que nous détenons sur vous : nous répondons dans les 30 jours. Si notre "
            "réponse ne vous satisfait pas, vous pouvez vous adresser au Commissariat à la protection de la "
            "vie privée du Canada.",
            "You can read and correct your profile at any time, and ask us for a copy of all the information "
            "we hold about you: we answer within 30 days. If our answer does not satisfy you, you may "
            "contact the Office of the Privacy Commissioner of Canada.",
        ),
    ],
}

ACCESSIBILITY = {
    "title": fr("Déclaration d'accessibilité", "Accessibility statement"),
    "slug": fr("accessibilite", "accessibility"),
    "introduction": fr(
        "Nous voulons que toutes et tous puissent lire ce site, s'y inscrire et participer aux groupes de "
        "travail, en français comme en anglais.",
        "We want everyone to be able to read this site, sign up on it and take part in the working groups, "
        "in French and in English.",
    ),
    "body": [
        heading("Notre engagement", "Our commitment"),
        paragraph(
            "Ce site vise la conformité au niveau AA des Règles pour l'accessibilité des contenus Web "
            "(WCAG) 2.2 du W3C, la norme à laquelle renvoie la Loi canadienne sur l'accessibilité.",
            "This site aims to conform to level AA of the W3C's Web Content Accessibility Guidelines "
            "(WCAG) 2.2, the standard the Accessible Canada Act refers to.",
        ),
        heading("Ce que nous faisons", "What we do"),
        bullets(
            (
                "Chaque page est vérifiée automatiquement avec axe à chaque modification du site, dans les "
                "deux langues.",
                "Every page is checked automatically with axe whenever the site changes, in both languages.",
            ),
            (
                "Tout se fait au clavier, le focus est toujours visible, et un lien permet de passer "
                "directement au contenu.",
                "Everything works with a keyboard, the focus is always visible, and a link skips straight to "
                "the content.",
            ),
            (
                "Les pages se lisent sur un écran de 320 pixels de large et avec un texte agrandi à 200 %, "
                "et le menu fonctionne sans JavaScript.",
                "Pages read on a screen 320 pixels wide and with text enlarged to 200%, and the menu works "
                "without JavaScript.",
            ),
            (
                "Les images portent un texte de remplacement dans les deux langues.",
                "Images carry alternative text in both languages.",
            ),
        ),
        heading("Limites connues", "Known limitations"),
        paragraph(
            "Certains documents de la bibliothèque de ressources, surtout des PDF anciens préparés par des "
            "organismes membres, ne sont pas entièrement accessibles. Demandez-nous un autre format : nous "
            "vous le fournirons dans les 10 jours ouvrables.",
            "Some documents in the resource library, mostly older PDFs prepared by member organizations, are "
            "not fully accessible. Ask us for another format: we will provide it within 10 business days.",
        ),
        heading("Signaler un problème", "Report a problem"),
        paragraph(
            "Si une page vous pose un problème, dites-le-nous par courriel ou par téléphone (coordonnées au "
            "bas de chaque page). Indiquez l'adresse de la page, ce que vous tentiez de faire et, si vous le "
            "souhaitez, la technologie que vous utilisez. Nous accusons réception dans les 5 jours ouvrables "
            "et vous tenons au courant de la correction.",
            "If a page gives you trouble, tell us by email or by phone (contact details at the bottom of "
            "every page). Give the page's address, what you were trying to do and, if you wish, the "
            "technology you use. We acknowledge your message within 5 business days and keep you informed "
            "of the fix.",
        ),
        paragraph(
            "Cette déclaration a été rédigée le 1er décembre 2026 et sera revue chaque année.",
            "This statement was written on 1 December 2026 and will be reviewed every year.",
        ),
    ],
}

TERMS = {
    "title": fr("Conditions d'adhésion", "Terms of membership"),
    "slug": fr("conditions-d-adhesion", "terms-of-membership"),
    "introduction": fr(
        "Qui peut devenir membre du Conseil canadien pour les réfugiés, ce que l'adhésion apporte et ce "
        "qu'elle demande.",
        "Who can become a member of the Canadian Council for Refugees, what membership offers and what it asks.",
    ),
    "body": [
        heading("Qui peut devenir membre", "Who can become a member"),
        paragraph(
            "Les membres du CCR sont des organismes, non des personnes : des organismes sans but lucratif "
            "actifs au Canada, engagés pour les droits et la protection des réfugiés et pour "
            "l'établissement des réfugiés et des immigrants. Chaque organisme membre désigne les personnes "
            "qui le représentent; elles créent leur compte sur ce site, et le CCR ou l'administrateur de "
            "leur organisme approuve leur inscription.",
            "The CCR's members are organizations, not individuals: non-profit organizations active in "
            "Canada, committed to the rights and protection of refugees and to the settlement of refugees "
            "and immigrants. Each member organization names the people who represent it; they create their "
            "account on this site, and the CCR or their organization's administrator approves it.",
        ),
        heading("Ce que l'adhésion apporte", "What membership offers"),
        bullets(
            (
                "La participation aux groupes de travail et à leurs réunions, ainsi qu'aux Consultations.",
                "Taking part in the working groups and their meetings, and in the Consultations.",
            ),
            (
                "L'accès aux ressources réservées aux membres de la bibliothèque.",
                "Access to the library's members-only resources.",
            ),
            (
                "Le droit de proposer des résolutions et de voter lors des assemblées générales.",
                "The right to propose resolutions and to vote at general meetings.",
            ),
        ),
        heading("Ce que l'adhésion demande", "What membership asks"),
        bullets(
            (
                "Adhérer à la mission du CCR et respecter les autres membres dans les échanges.",
                "Support the CCR's mission and treat other members with respect.",
            ),
            (
                "Garder confidentielles les discussions des groupes de travail : leurs réunions aux "
                "Consultations sont fermées au gouvernement et aux médias.",
                "Keep working-group discussions confidential: their meetings at the Consultations are closed "
                "to government and media.",
            ),
            (
                "Ne pas diffuser publiquement les documents réservés aux membres.",
                "Not share members-only documents publicly.",
            ),
            (
                "Payer la cotisation annuelle fixée par l'assemblée générale, selon la taille de l'organisme.",
                "Pay the annual fee set by the general meeting, according to the organization's size.",
            ),
        ),
        heading("Fin de l'adhésion", "End of membership"),
        paragraph(
            "Un organisme peut se retirer à tout moment. Une adhésion dont la cotisation n'est pas renouvelée "
            "devient échue : ses représentant-e-s perdent l'accès aux espaces réservés aux membres jusqu'au "
            "renouvellement. Les renseignements personnels sont traités selon notre politique de "
            "confidentialité.",
            "An organization may withdraw at any time. A membership whose fee is not renewed lapses: its "
            "representatives lose access to the members-only areas until it is renewed. Personal information "
            "is handled according to our privacy policy.",
        ),
    ],
}

LEGAL_PAGES = [PRIVACY, ACCESSIBILITY, TERMS]

#: The main menu, French labels (empty: the page's title or the route's usual name).
MENU_LABEL_GROUPS = fr("Groupes de travail", "Working groups")


def load_page(stdout, home, data, english):
    page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if page is None:
        page = StandardPage(title=data["title"], slug=data["slug"], introduction=data["introduction"])
        page.body = data["body"]
        home.add_child(instance=page)
        page.save_revision().publish()
        stdout.write(f"  page « {page.title} » created")
    translate_instance(page, english, ENGLISH)
    return page


def load_footer_links(pages):
    """Each footer links to the pages in its own language (shown in the reader's language anyway)."""
    for footer in SiteFooter.objects.select_related("locale"):
        if len(footer.page_links):
            continue
        links = [page.get_translation_or_none(footer.locale) or page for page in pages]
        footer.page_links = [("page", {"page": link, "label": ""}) for link in links]
        footer.save()


def load_menu(stdout, index, meetings, french, english):
    menu = MainMenu.objects.filter(locale=french).first()
    if menu is None:
        menu = MainMenu(locale=french)
        menu.items = [
            ("page", {"page": index, "label": MENU_LABEL_GROUPS}),
            *([("page", {"page": meetings, "label": ""})] if meetings else []),
            ("route", {"route": "resources", "label": ""}),
            ("route", {"route": "members", "label": ""}),
            ("route", {"route": "signup", "label": ""}),
        ]
        menu.save()
        stdout.write("  main menu created")
    translate_instance(menu, english, ENGLISH)


def load(stdout, *, with_accounts=True):
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=french)
    pages = [load_page(stdout, home, data, english) for data in LEGAL_PAGES]
    load_footer_links(pages)
    index = WorkingGroupIndexPage.objects.child_of(home).first()
    if index is not None:
        load_menu(stdout, index, MeetingIndexPage.objects.child_of(home).first(), french, english)
