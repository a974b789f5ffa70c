"""Plivo's answer URL for a bridged call: the XML that dials the supporter once the volunteer has answered.

The link carries a signed, expiring token naming the call-back (plivo.answer_token); it answers only while the
volunteer's claim is open, and nothing else (404), so a leaked link is useless once the call is done.
"""

from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sampark.core import pii
from sampark.supporters.models import Callback
from sampark.telephony.bridge import plivo


@csrf_exempt
@require_http_methods(["GET", "POST"])
def plivo_answer(request, token: str):
    callback_id = plivo.read_answer_token(token)
    callback = None if callback_id is None else (
        Callback.objects.select_related("supporter")
        .filter(pk=callback_id, status=Callback.Status.ASSIGNED, claimed_until__gte=timezone.now()).first())
    if callback is None:
        return HttpResponse("<Response><Hangup/></Response>", status=404, content_type="application/xml")
    number = plivo.digits(pii.decrypt(callback.supporter.phone_cipher))
    xml = (f"<Response><Dial callerId={quoteattr(plivo.digits(settings.BRIDGE_CALLER_ID))}>"
           f"<Number>{escape(number)}</Number></Dial></Response>")
    response = HttpResponse(xml, content_type="application/xml")
    response["Cache-Control"] = "no-store"
    return response
