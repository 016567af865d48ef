"""Members' work on a resolution: propose an amendment, decide on one, compare two versions.

Every refusal is a 4xx page with the reason in the visitor's language, and nothing saved.
"""

import difflib

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from members.access import is_approved_member

from .models import Amendment, ResolutionPage
from .services import Refused, decide_amendment, propose_amendment
from .visibility import is_public


def refused(request, message, status):
    return TemplateResponse(request, "resolutions/refused.html", {"message": message}, status=status)


def live_page(page_id):
    return ResolutionPage.objects.live().select_related("record", "locale").filter(pk=page_id).first()


@never_cache
@require_POST
def propose(request, page_id):
    page = live_page(page_id)
    if page is None:
        return refused(request, _("This resolution does not exist."), 404)
    try:
        propose_amendment(
            request.user,
            page,
            clause_id=request.POST.get("clause", ""),
            kind=request.POST.get("kind", ""),
            text=request.POST.get("text", ""),
            reason=request.POST.get("reason", ""),
        )
    except Refused as refusal:
        return refused(request, refusal.message, refusal.status)
    messages.success(request, _("Your amendment was sent to the co-chairs."))
    return redirect(page.get_url(request))


@never_cache
@require_POST
def decide(request, amendment_id):
    amendment = Amendment.objects.select_related("record", "page").filter(pk=amendment_id).first()
    if amendment is None or not request.user.is_authenticated:
        return refused(request, _("This amendment does not exist."), 404)
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        return refused(request, _("Accept or reject the amendment."), 400)
    try:
        decide_amendment(request.user, amendment, accept=decision == "accept", reply=request.POST.get("reply", ""))
    except Refused as refusal:
        return refused(request, refusal.message, refusal.status)
    messages.success(request, _("Your answer was recorded."))
    return redirect(amendment.page.get_url(request))


def clause_texts(page):
    return [(block.id, block.block_type, str(block.value)) for block in page.clauses]


@never_cache
@require_GET
def versions(request, page_id):
    """What changed between two versions (revisions) of a resolution, clause by clause, for members."""
    page = live_page(page_id)
    if page is None or not (is_approved_member(request.user) or is_public(page.record)):
        return refused(request, _("This resolution does not exist."), 404)
    revisions = {revision.pk: revision for revision in page.revisions.order_by("-created_at")[:50]}
    try:
        older, newer = (revisions[int(request.GET.get(name, ""))] for name in ("from", "to"))
    except (KeyError, ValueError):
        return refused(request, _("Choose two versions of this resolution."), 400)
    before = {clause_id: text for clause_id, _kind, text in clause_texts(older.as_object())}
    changes = []
    for clause_id, _kind, text in clause_texts(newer.as_object()):
        previous = before.pop(clause_id, None)
        if previous != text:
            diff = list(difflib.ndiff((previous or "").split(), text.split()))
            changes.append({"id": clause_id, "before": previous, "after": text, "diff": diff})
    changes.extend({"id": clause_id, "before": text, "after": None, "diff": []} for clause_id, text in before.items())
    context = {"page": page, "older": older, "newer": newer, "changes": changes}
    return TemplateResponse(request, "resolutions/versions.html", context)
