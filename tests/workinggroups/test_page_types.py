"""The tree stays right: only groups under the index, only projects and achievements under a group."""

from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from meetings.models import MeetingPage
from members.models import User
from workinggroups.models import AchievementPage, ProjectPage, Topic, WorkingGroupIndexPage, WorkingGroupPage


def list_block(values):
    """Form data of a ListBlock, as the admin's editor posts it."""
    return {
        "count": len(values),
        **{index: {"value": value, "deleted": "", "order": index, "id": ""} for index, value in enumerate(values)},
    }


class PageTypeRulesTests(WagtailPageTestCase):
    def test_index_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(WorkingGroupIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WorkingGroupIndexPage, {WorkingGroupPage})
        self.assertCanNotCreateAt(StandardPage, WorkingGroupIndexPage)

    def test_groups_live_under_the_index_only(self):
        self.assertAllowedParentPageTypes(WorkingGroupPage, {WorkingGroupIndexPage})
        self.assertAllowedSubpageTypes(WorkingGroupPage, {ProjectPage, AchievementPage, MeetingPage})
        self.assertCanNotCreateAt(HomePage, WorkingGroupPage)
        self.assertCanNotCreateAt(WorkingGroupPage, WorkingGroupPage)

    def test_projects_and_achievements_are_leaves_under_a_group(self):
        for model in (ProjectPage, AchievementPage):
            self.assertAllowedParentPageTypes(model, {WorkingGroupPage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(WorkingGroupIndexPage, model)
            self.assertCanNotCreateAt(HomePage, model)


class AdminCreationTests(WagtailPageTestCase, TestCase):
    """Staff create each page type through the admin's own forms (tabs and inline panels)."""

    @classmethod
    def setUpTestData(cls):
        cls.french, _ = Locale.objects.get_or_create(language_code="fr")
        root = Page.get_first_root_node()
        cls.home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-test", locale=cls.french))
        cls.index = cls.home.add_child(instance=WorkingGroupIndexPage(title="Groupes", slug="groupes"))
        cls.group = cls.index.add_child(instance=WorkingGroupPage(title="Protection au Canada", slug="pac"))
        cls.topic = Topic.objects.create(name="Expulsion", locale=cls.french)
        cls.user = User.objects.create_superuser(email="staff@example.org", password="pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_staff_create_an_index_with_sections(self):
        self.index.delete()
        data = nested_form_data(
            {
                "title": "Les groupes de travail",
                "slug": "groupes-de-travail",
                "introduction": "",
                "groups_heading": "Participez",
                "groups_introduction": "",
                "sections": streamfield(
                    [
                        ("meetings", {"heading": "Quand ?", "body": rich_text("<p>3-4 fois par année.</p>")}),
                        (
                            "approaches",
                            {
                                "heading": "Comment ?",
                                "intro": "",
                                "items": list_block([{"choice": "resolution", "text": "passer une résolution"}]),
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, WorkingGroupIndexPage, data)

    def test_staff_create_a_group_with_topics(self):
        data = nested_form_data(
            {
                "title": "Immigration et Établissement",
                "slug": "immigration",
                "introduction": "",
                "summary": rich_text(""),
                "meeting_pattern": "",
                "topic_links": inline_formset([{"topic": self.topic.pk}]),
            }
        )
        self.assertCanCreate(self.index, WorkingGroupPage, data)
        group = WorkingGroupPage.objects.get(slug="immigration", alias_of__isnull=True)
        self.assertEqual([link.topic for link in group.topic_links.all()], [self.topic])

    def test_staff_create_a_project_with_ways_addressed(self):
        data = nested_form_data(
            {
                "title": "Plaidoyer sur la détention",
                "slug": "detention",
                "introduction": "",
                "status": "ongoing",
                "start_date": "",
                "end_date": "",
                "topic_links": inline_formset([]),
                "body": streamfield([]),
            }
        )
        # A list would be flattened by nested_form_data; checkboxes post the same name repeatedly.
        data["ways_addressed"] = ["resolution", "legal_action"]
        self.assertCanCreate(self.group, ProjectPage, data)
        self.assertEqual(ProjectPage.objects.get(alias_of__isnull=True).ways_addressed, ["resolution", "legal_action"])

    def test_staff_create_an_achievement(self):
        data = nested_form_data(
            {
                "title": "Lettre ouverte",
                "slug": "lettre",
                "introduction": "",
                "date": "2021-05-01",
                "kind": "open_letter",
                "link_url": "https://example.org/lettre",
                "document": "",
                "topic_links": inline_formset([{"topic": self.topic.pk}]),
                "body": streamfield([]),
            }
        )
        data["impact_areas"] = ["government", "public_awareness"]
        self.assertCanCreate(self.group, AchievementPage, data)
        self.assertEqual(
            AchievementPage.objects.get(alias_of__isnull=True).impact_areas, ["government", "public_awareness"]
        )

    def test_unknown_way_is_refused_with_a_message(self):
        url = f"/admin/pages/add/workinggroups/projectpage/{self.group.pk}/"
        data = nested_form_data(
            {
                "title": "Projet",
                "slug": "projet",
                "status": "ongoing",
                "topic_links": inline_formset([]),
                "body": streamfield([]),
            }
        )
        data["ways_addressed"] = ["not-a-way"]
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ProjectPage.objects.exists())
        self.assertIn("ways_addressed", response.context["form"].errors)

    def test_the_group_editor_no_longer_adds_inline_meetings(self):
        """Meetings are pages under the group now: the editor has no meetings formset and ignores one posted."""
        url = f"/admin/pages/add/workinggroups/workinggrouppage/{self.index.pk}/"
        self.assertNotIn("meetings", self.client.get(url).context["form"].formsets)
        data = nested_form_data(
            {
                "title": "Groupe",
                "slug": "groupe",
                "summary": rich_text(""),
                "topic_links": inline_formset([]),
                "meetings": inline_formset([{"starts_at": "2030-03-01 13:00", "city": "Montréal"}]),
                "action-publish": "action-publish",
            }
        )
        self.client.post(url, data)
        group = WorkingGroupPage.objects.get(slug="groupe", alias_of__isnull=True)
        self.assertFalse(group.meetings.exists())


class TopicAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        french, _ = Locale.objects.get_or_create(language_code="fr")
        Topic.objects.create(name="Détention à des fins d'immigration", locale=french)
        cls.user = User.objects.create_superuser(email="staff@example.org", password="pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_topics_are_listed_filtered_and_chosen_in_the_admin(self):
        listing = self.client.get("/admin/snippets/workinggroups/topic/")
        self.assertContains(listing, "Détention à des fins d&#x27;immigration")
        self.assertEqual(self.client.get("/admin/snippets/workinggroups/topic/?locale=fr").status_code, 200)
        chooser = self.client.get("/admin/snippets/choose/workinggroups/topic/")
        self.assertIn("Détention à des fins d&#x27;immigration", chooser.json()["html"])
