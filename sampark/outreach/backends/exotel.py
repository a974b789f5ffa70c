"""Exotel SMS: ``POST {EXOTEL_SUBDOMAIN}/v1/Accounts/{sid}/Sms/send.json``.

As documented at developer.exotel.com (Send SMS API reference):
- HTTP basic auth with the account's API key and API token;
- form fields From (DLT header / sender id), To (E.164), Body (the filled DLT template), EncodingType
  (plain | unicode), DltEntityId, DltTemplateId, SmsType (transactional | transactional_opt_in | promotional),
  CustomField (our reference, echoed back in status callbacks);
- ``.json`` on the path selects a JSON answer: ``{"SMSMessage": {"Sid": ..., "Status": "queued", ...}}``;
  errors answer ``{"RestException": {"Status": ..., "Message": ...}}`` with a non-2xx HTTP status, and Exotel
  says to rely on the HTTP status, not the message.
"""

import base64
import json
import urllib.parse

from django.conf import settings

from .. import segments
from .base import SendResult, SmsToSend, failure, http_post, network_failure, redact, result_for_status

# DLT category -> Exotel SmsType. Exotel: "transactional (OTP or Service Implicit content), transactional_opt_in
# (Service Explicit content), promotional (Promotional content with numeric header)".
SMS_TYPES = {
    "transactional": "transactional",
    "service_implicit": "transactional",
    "service_explicit": "transactional_opt_in",
    "promotional": "promotional",
}


def endpoint() -> str:
    base = settings.EXOTEL_SUBDOMAIN.rstrip("/")
    return f"{base}/v1/Accounts/{urllib.parse.quote(settings.EXOTEL_SID, safe='')}/Sms/send.json"


def form(msg: SmsToSend) -> dict[str, str]:
    return {
        "From": msg.header,
        "To": msg.to,
        "Body": msg.body,
        "EncodingType": "unicode" if segments.count(msg.body).encoding == segments.UCS2 else "plain",
        "DltEntityId": msg.entity_id,
        "DltTemplateId": msg.template_id,
        "SmsType": SMS_TYPES[msg.category],
        "CustomField": msg.public_id,
    }


def _auth_header() -> str:
    pair = f"{settings.EXOTEL_API_KEY}:{settings.EXOTEL_API_TOKEN}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def _json(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def send(msg: SmsToSend) -> SendResult:
    if msg.category not in SMS_TYPES:
        return failure(f"unknown category {msg.category!r}", retryable=False)
    data = urllib.parse.urlencode(form(msg)).encode("ascii")  # urlencode percent-encodes text as UTF-8
    headers = {
        "Authorization": _auth_header(),
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
    }
    try:
        status, raw = http_post(endpoint(), data, headers)
    except OSError as exc:
        return network_failure(exc)
    answer = _json(raw)
    if not 200 <= status < 300:
        problem = answer.get("RestException")
        message = str(problem.get("Message", "")) if isinstance(problem, dict) else ""
        return result_for_status(status, redact(message, msg.to))
    sms = answer.get("SMSMessage")
    sms = sms if isinstance(sms, dict) else {}
    if str(sms.get("Status", "")).lower() == "failed":
        detail = sms.get("DetailedStatus") or sms.get("DetailedStatusCode") or "failed"
        return failure(redact(f"rejected: {detail}", msg.to), retryable=False)
    # Accepted (Exotel answers 200/202 with Status "queued"). A 2xx we cannot parse is still an accepted message:
    # retrying it would send the supporter a duplicate.
    return SendResult(ok=True, provider_message_id=str(sms.get("Sid", "")))
