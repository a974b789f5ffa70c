"""The call-back desk: volunteers claim waiting supporters, call them, and record what happened (docs/callbacks.md).

models.py (assignments, attempts, staff phones, do-not-call, queue counts), queue.py (claims, counts),
services.py (reveal, bridge, outcomes, assignments, do-not-call), api.py (/api/v1/callbacks), views.py (the desk
and queue pages), forms.py (the call script).
"""
