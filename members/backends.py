"""Django's model backend, reading a person's groups and permissions in one query (``User.access``)."""

from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    """The permissions ``ModelBackend`` gives, from the one read ``User.access`` also uses for the groups' names.

    Superusers (every permission) and per-object checks are left to ``ModelBackend``. It gives
    permissions only: signing in stays with the backends after it, so a wrong password is hashed
    no more often than before.
    """

    def authenticate(self, request, **credentials):
        return None

    def get_user_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or user_obj.is_superuser or obj is not None:
            return super().get_user_permissions(user_obj, obj)
        return set(user_obj.access.own_permissions)

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or user_obj.is_superuser or obj is not None:
            return super().get_group_permissions(user_obj, obj)
        return set(user_obj.access.group_permissions)
