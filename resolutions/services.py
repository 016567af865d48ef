"""What changes a resolution: the outcome and its number, amendments proposed and decided.

Each function checks who may act and what the resolution's stage allows, and raises
``Refused`` (with a message in the active language and an HTTP status) before saving anything.
Unique constraints settle races: two adoptions never get the same number, a double click never
saves an amendment twice.
"""

import hashlib
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.access import is_approved_member

from .choices import Outcome, Stage
from .models import Amendment, ResolutionPage


class Refused(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def record_outcome(record, outcome, decided_on, *, votes_for=None, votes_against=None, abstentions=None):
    """Record the general meeting's decision; an adopted resolution gets its number and goes public."""
    if outcome not in Outcome.values:
        raise Refused(_("Unknown outcome."))
    record.outcome, record.decided_on, record.stage = outcome, decided_on, Stage.DECIDED
    record.votes_for, record.votes_against, record.abstentions = votes_for, votes_against, abstentions
    record.save()
    return record


def fingerprint(kind, text):
    return hashlib.sha256(f"{kind}\n{text.strip()}".encode()).hexdigest()


def propose_amendment(user, page, *, clause_id, kind, text, reason):
    """An approved member's amendment to one clause of ``page`` (in that page's language)."""
    record = page.record
    if not is_approved_member(user):
        raise Refused(_("Only approved members may propose amendments."), status=403)
    if not record.comment_period_open():
        raise Refused(_("The comment period of this resolution is closed."), status=409)
    if page.clause(clause_id) is None:
        raise Refused(_("This clause does not exist in the resolution."), status=400)
    if kind not in Amendment.Kind.values:
        raise Refused(_("Choose whether to replace, add or delete a clause."), status=400)
    text, reason = (text or "").strip(), (reason or "").strip()
    if kind != Amendment.Kind.DELETE and not text:
        raise Refused(_("Write the text you propose."), status=400)
    if not reason:
        raise Refused(_("Give the reason for your amendment."), status=400)
    try:
        with transaction.atomic():
            return Amendment.objects.create(
                record=record,
                page=page,
                clause_id=clause_id,
                kind=kind,
                text=text if kind != Amendment.Kind.DELETE else "",
                reason=reason,
                author=user,
                fingerprint=fingerprint(kind, text),
            )
    except IntegrityError:
        raise Refused(_("You have already proposed this amendment."), status=409) from None


def decide_amendment(user, amendment, *, accept, reply):
    """A co-chair accepts (the clause changes, a new version is published) or rejects, with a reply."""
    if not amendment.record.may_be_decided_by(user):
        raise Refused(_("Only the co-chairs of the drafting group may decide on amendments."), status=403)
    reply = (reply or "").strip()
    if not reply:
        raise Refused(_("Write a reply to the member."), status=400)
    status = Amendment.Status.ACCEPTED if accept else Amendment.Status.REJECTED
    with transaction.atomic():
        # Decided once: a second answer (another co-chair, a double click) finds it no longer pending.
        taken = Amendment.objects.filter(pk=amendment.pk, status=Amendment.Status.PENDING).update(
            status=status, reply=reply, decided_by=user, decided_at=timezone.now()
        )
        if not taken:
            raise Refused(_("This amendment has already been decided."), status=409)
        amendment.refresh_from_db()
        if accept:
            page = ResolutionPage.objects.select_for_update().get(pk=amendment.page_id)
            revision = apply_amendment(page, amendment, user)
            Amendment.objects.filter(pk=amendment.pk).update(revision=revision)
            amendment.revision = revision
    return amendment


def amended_clauses(clauses, amendment):
    """The clauses' raw data with ``amendment`` applied."""
    amended = []
    for block in clauses.raw_data:
        block = dict(block)
        if block["id"] != amendment.clause_id:
            amended.append(block)
            continue
        if amendment.kind == Amendment.Kind.REPLACE:
            amended.append({**block, "value": amendment.text})
        elif amendment.kind == Amendment.Kind.ADD:
            amended.extend([block, {"type": block["type"], "value": amendment.text, "id": str(uuid.uuid4())}])
    return amended


def apply_amendment(page, amendment, user):
    if page.clause(amendment.clause_id) is None:
        raise Refused(_("This clause is no longer in the resolution."), status=409)
    page.clauses = amended_clauses(page.clauses, amendment)
    revision = page.save_revision(user=user, log_action=True)
    # may_be_decided_by has checked the co-chair: they work from the site, not Wagtail's admin.
    revision.publish(user=user, skip_permission_checks=True)
    return revision
