"""The demo content has one staff account per role, signed in with the password docs/roles.md publishes."""

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from core import roles
from core.demo import DEMO_STAFF


def test_one_demo_account_per_role(demo_content):
    assert sorted(role_name for *_, role_name in DEMO_STAFF) == sorted(roles.ROLE_NAMES)


@pytest.mark.parametrize(("email", "password", "first_name", "role_name"), DEMO_STAFF)
def test_demo_staff_sign_in_to_the_admin_in_their_role(client, demo_content, email, password, first_name, role_name):
    assert EmailAddress.objects.filter(email=email, verified=True, primary=True).exists()
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    user = response.wsgi_request.user
    assert list(user.groups.values_list("name", flat=True)) == [role_name]
    assert not user.is_superuser
