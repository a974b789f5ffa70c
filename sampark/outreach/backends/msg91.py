"""MSG91 SMS through its Flow API (v5), the API MSG91 documents for DLT-registered templates.

``POST {MSG91_URL}`` (https://control.msg91.com/api/v5/flow) with headers ``authkey: <key>`` and
``Content-Type: application/json``, body::

    {"template_id": "<MSG91 template id>", "short_url": "0",
     "recipients": [{"mobiles": "91XXXXXXXXXX", "VAR1": "...", "VAR2": "..."}]}

Success answers ``{"type": "success", "message": "<request id>"}``; failures ``{"type": "error", "message":
"...", "code": "..."}``, sometimes with HTTP 200, so ``type`` decides, not only the status.

MSG91 keeps the template text on its side (with the DLT template id, header and entity id mapped to it in the
MSG91 panel), so only the variables travel. Mapping:
- ``template_id``: MSG91's own template id, looked up in ``settings.MSG91_TEMPLATE_IDS`` (DLT template id ->
  MSG91 template id) when that setting exists, else the DLT template id is sent unchanged;
- the DLT body's ``{#var#}`` placeholders, in order, become ``VAR1``, ``VAR2``, ...: create the MSG91 template
  with variables named VAR1..VARn in the same order as the DLT registration;
- the values are ``msg.variables`` when the sender passes them, else recovered from ``msg.body`` by matching it
  against the stored SmsTemplate body with the same DLT template id (segments.extract);
- ``mobiles`` is the E.164 number without the ``+`` (country code first, as MSG91 asks);
- ``short_url`` is off: our links are already short and MSG91's shortener would change the DLT-approved text.
"""

import json

from django.conf import settings

from .. import segments
from .base import SendResult, SmsToSend, failure, http_post, network_failure, redact, result_for_status


def msg91_template_id(dlt_template_id: str) -> str:
    mapping = getattr(settings, "MSG91_TEMPLATE_IDS", None) or {}
    return mapping.get(dlt_template_id, dlt_template_id)


def _template_bodies(dlt_template_id: str) -> list[str]:
    from ..models import SmsTemplate  # imported late: the backend module loads before the app registry

    return list(SmsTemplate.objects.filter(dlt_template_id=dlt_template_id).values_list("body", flat=True))


def variables(msg: SmsToSend) -> list[str]:
    """The {#var#} values of ``msg`` in order; ValueError when they cannot be recovered."""
    if msg.variables is not None:
        return list(msg.variables)
    bodies = _template_bodies(msg.template_id)
    if not bodies:
        raise ValueError(f"no SMS template with DLT template id {msg.template_id}")
    for body in bodies:
        try:
            return segments.extract(body, msg.body)
        except ValueError:
            continue
    raise ValueError(f"body does not match DLT template {msg.template_id}")


def payload(msg: SmsToSend, values: list[str]) -> dict:
    recipient = {"mobiles": msg.to.removeprefix("+")}
    recipient.update({f"VAR{i}": value for i, value in enumerate(values, start=1)})
    return {
        "template_id": msg91_template_id(msg.template_id),
        "short_url": "0",
        "recipients": [recipient],
    }


def send(msg: SmsToSend) -> SendResult:
    try:
        values = variables(msg)
    except ValueError as exc:
        return failure(str(exc), retryable=False)
    data = json.dumps(payload(msg, values), ensure_ascii=False).encode("utf-8")
    headers = {
        "authkey": settings.MSG91_AUTHKEY,
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
    try:
        status, raw = http_post(settings.MSG91_URL, data, headers)
    except OSError as exc:
        return network_failure(exc)
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    answer = answer if isinstance(answer, dict) else {}
    kind = str(answer.get("type", "")).lower()
    message = str(answer.get("message", ""))
    error = redact(message, msg.to)
    if not 200 <= status < 300:
        return result_for_status(status, error)
    if kind == "error":
        code = answer.get("code")
        return failure(f"rejected: {error}" + (f" (code {code})" if code else ""), retryable=False)
    # "success", or a 2xx we cannot read: accepted either way, and retrying would send a duplicate.
    return SendResult(ok=True, provider_message_id=message if kind == "success" else "")
