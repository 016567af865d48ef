"""Staff see failed background tasks, with their error, in Wagtail's admin reports."""

from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories.resources import make_user
from tests.tasks.jobs import add, fail


def failed_task(message):
    result = fail.using(backend="database").enqueue(message)
    try:
        fail.call(message)
    except ValueError as error:
        DBTaskResult.objects.get(id=result.id).set_failed(error)
    return result


def test_a_site_administrator_sees_failed_tasks_and_their_traceback(client, db):
    failed_task("la passerelle SMTP ne répond pas")
    add.using(backend="database").enqueue(1, 1)
    client.force_login(make_user("admin@example.org", superuser=True))

    reports = client.get(reverse("wagtailadmin_home"))
    assert reverse("core_failed_tasks_report") in reports.content.decode()
    response = client.get(reverse("core_failed_tasks_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tâches de fond en échec" in html  # the admin speaks the site's default language, French
    assert "builtins.ValueError" in html
    assert "la passerelle SMTP ne répond pas" in html
    assert "tests/tasks/jobs.py" in html  # the traceback
    assert html.count("<details>") == 1  # the waiting task is not listed
    # django-tasks-db's own read-only listing, in Django's admin.
    assert client.get("/django-admin/django_tasks_database/dbtaskresult/").status_code == 200


def test_staff_given_the_view_permission_see_the_report_and_others_do_not(client, db):
    failed_task("boom")
    editor = make_user("editor@example.org")
    editor.is_staff = True
    editor.save()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    # Wagtail sends those without the permission back to the dashboard.
    assert client.get(reverse("core_failed_tasks_report"))["Location"] == reverse("wagtailadmin_home")
    assert reverse("core_failed_tasks_report") not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="django_tasks_database", codename="view_dbtaskresult")
    )
    assert client.get(reverse("core_failed_tasks_report")).status_code == 200


def test_site_administrators_can_give_the_permission_to_a_group(client, db):
    client.force_login(make_user("admin@example.org", superuser=True))

    response = client.get(reverse("wagtailusers_groups:add"))

    assert response.status_code == 200
    permission = Permission.objects.get(content_type__app_label="django_tasks_database", codename="view_dbtaskresult")
    assert f'value="{permission.pk}"' in response.content.decode()
