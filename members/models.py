from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, Permission, UserManager
from django.db import models
from django.db.models import Q, Value
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from workinggroups.choices import LeadershipRole


class EmailUserManager(UserManager):
    """People sign in by email address; there is no username."""

    use_in_migrations = True

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self.create_with_email(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_with_email(email, password, **extra_fields)

    def create_with_email(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self.db)
        return user


class Access(NamedTuple):
    """What a user's groups give them (``User.access``)."""

    group_names: frozenset
    own_permissions: frozenset
    group_permissions: frozenset


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails from the site are written in this language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @cached_property
    def access(self):
        """The names of this user's groups and their permissions (``"app_label.codename"``), their own
        and their groups', read once per instance in one query: templates and views ask several times
        a request (``members.access``, ``members.backends.MemberBackend``)."""
        groups = Group.objects.filter(user=self).values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        )
        own = Permission.objects.filter(user=self).values_list(
            Value(None, output_field=models.CharField()), "content_type__app_label", "codename"
        )
        rows = list(groups.order_by().union(own.order_by(), all=True))
        return Access(
            group_names=frozenset(name for name, _app, _codename in rows if name is not None),
            own_permissions=frozenset(f"{app}.{codename}" for name, app, codename in rows if name is None),
            group_permissions=frozenset(
                f"{app}.{codename}" for name, app, codename in rows if name is not None and codename is not None
            ),
        )

    @property
    def group_names(self):
        return self.access.group_names

    def shown_on_pages(self):
        """Whether this person's name is on a page (they lead a group): ``core.caching.invalidation``."""
        return self.group_memberships.filter(GroupMembership.leading()).exists()

    def forget_group_names(self):
        """Read the groups again next time (after adding or removing one)."""
        try:
            del self.access
        except AttributeError:
            pass


class MemberOrganisation(models.Model):
    """An organisation that is a member of the coalition; people represent it."""

    class Province(models.TextChoices):
        AB = "AB", _("Alberta")
        BC = "BC", _("British Columbia")
        MB = "MB", _("Manitoba")
        NB = "NB", _("New Brunswick")
        NL = "NL", _("Newfoundland and Labrador")
        NS = "NS", _("Nova Scotia")
        NT = "NT", _("Northwest Territories")
        NU = "NU", _("Nunavut")
        ON = "ON", _("Ontario")
        PE = "PE", _("Prince Edward Island")
        QC = "QC", _("Quebec")
        SK = "SK", _("Saskatchewan")
        YT = "YT", _("Yukon")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        LAPSED = "lapsed", _("Lapsed")

    name = models.CharField(_("name"), max_length=255, unique=True)
    province = models.CharField(_("province or territory"), max_length=2, choices=Province.choices)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("membership status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    administrators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrators"),
        related_name="administered_organisations",
        blank=True,
        help_text=_("People who approve or reject the accounts of people claiming to represent this organisation."),
    )

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def shown_on_pages(self):
        """Whether this name is on a page (someone representing it leads a group): see
        ``core.caching.invalidation``."""
        return GroupMembership.objects.filter(
            GroupMembership.leading(), user__member_profile__organisation=self
        ).exists()


class MemberProfile(models.Model):
    """What the coalition knows about a person: the organisation they represent and their approval."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="member_profile"
    )
    organisation = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    organisation_not_listed = models.CharField(
        _("organisation not listed"),
        max_length=255,
        blank=True,
        help_text=_("The name the person gave when their organisation was not in the list yet."),
    )
    status = models.CharField(_("approval status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    # The approval or rejection is saved even when its email is not (mail server down).
    decision_email_pending = models.BooleanField(
        _("decision email not sent yet"),
        default=False,
        help_text=_("The email telling the person of the decision could not be sent yet; it can be sent again."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)

    @property
    def organisation_name(self):
        if self.organisation_id:
            return self.organisation.name
        return self.organisation_not_listed

    def shown_on_pages(self):
        """Whether the organisation named here is on a page (the person leads a group): see
        ``core.caching.invalidation``."""
        return self.user.shown_on_pages()

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def organisation_lapsed(self):
        """The person represents an organisation that is no longer an active member."""
        return self.organisation_id is not None and not self.organisation.is_active


class GroupSettings(models.Model):
    """Members-side settings of a working group, kept here so the group page model stays the other app's.

    Keyed by the group's page in the default locale, like ``GroupMembership``.
    """

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open to members (joined at once)")
        ON_REQUEST = "on_request", _("On request (a co-chair or staff accepts)")

    group = models.OneToOneField(
        "workinggroups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="member_settings",
    )
    join_policy = models.CharField(_("join policy"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN)

    class Meta:
        verbose_name = _("working group join policy")
        verbose_name_plural = _("working group join policies")

    def __str__(self):
        return f"{self.group.title}: {self.get_join_policy_display()}"

    @classmethod
    def policy_of(cls, group):
        """The join policy of ``group`` (its default-locale page): open when it has no settings.
        Free when ``member_settings`` was read with the group (``select_related``)."""
        settings_row = getattr(group, "member_settings", None)
        return settings_row.join_policy if settings_row else cls.JoinPolicy.OPEN


class GroupMembership(models.Model):
    """A person in a working group. A group and its translation are one group: ``group`` is always
    the page in the default locale (see ``members.access.canonical_group``)."""

    # « Member », or one of the leadership roles a group page lists: one list of roles, one wording.
    Role = models.TextChoices(
        "Role",
        [("MEMBER", ("member", _("Member"))), *((role.name, (role.value, role.label)) for role in LeadershipRole)],
    )

    class Status(models.TextChoices):
        PENDING = "pending", _("Request pending")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    # Who leads a group is shown on its page: a change refreshes cached pages (core.caching.invalidation).
    shown_on_pages = True

    # Roles that run the group: they see the roster and accept or decline requests.
    MANAGING_ROLES = (Role.CO_CHAIR, Role.STAFF)
    # Roles a group page lists under « Leadership », in this order: every role but « member ».
    LEADING_ROLES = (Role.CO_CHAIR, Role.STEERING_COMMITTEE, Role.EXECUTIVE_REPRESENTATIVE, Role.STAFF)
    # In the group, or asking to be: what the person sees as "my groups".
    CURRENT_STATUSES = (Status.ACTIVE, Status.PENDING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="group_memberships"
    )
    group = models.ForeignKey(
        "workinggroups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    joined_at = models.DateTimeField(_("member since"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        ordering = ["group__title", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="members_unique_membership_per_group"),
        ]

    def __str__(self):
        return f"{self.user} · {self.group.title} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_manager(self):
        """The row's own form of ``managing()``."""
        return self.is_active and self.role in self.MANAGING_ROLES

    @property
    def display_name(self):
        return self.user.get_full_name()

    @property
    def organisation_name(self):
        """The organisation the person represents, as their profile says (a name is the same in both languages)."""
        profile = getattr(self.user, "member_profile", None)
        return profile.organisation_name if profile else ""

    @classmethod
    def leadership_of(cls, group):
        """Who leads ``group`` (its page in either language), by role then name: the one list the group
        page and the API show; the managing roles among them are also the ones that run the group."""
        rows = (
            cls.objects.filter(cls.leading(), group__translation_key=group.translation_key, user__is_active=True)
            .select_related("user", "user__member_profile__organisation")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        rank = {role: index for index, role in enumerate(cls.LEADING_ROLES)}
        return sorted((row for row in rows if row.display_name), key=lambda row: rank[row.role])

    @classmethod
    def leading(cls):
        """A Q for memberships a group page lists under « Leadership »."""
        return Q(status=cls.Status.ACTIVE, role__in=cls.LEADING_ROLES)

    @classmethod
    def managing(cls, through=""):
        """A Q for memberships that run their group; ``through`` reaches them over a relation
        (``"group_memberships__"`` from a user)."""
        return Q(**{f"{through}status": cls.Status.ACTIVE, f"{through}role__in": cls.MANAGING_ROLES})
