"""Which queue a new supporter waits in: the guessed state, else the national queue; the counts follow the intake."""

from sampark.core import pii
from sampark.geo.models import NumberSeries
from sampark.supporters.desk import queue
from sampark.supporters.models import Callback
from sampark.telephony import intake


def test_new_supporters_wait_in_the_guessed_state_else_nationally(log_call, confirmation_templates, areas):
    NumberSeries.objects.create(prefix="9876", operator="Test", circle_code="UE", circle="UP (East)")
    log_call("c1", "9876500001")
    log_call("c2", "9123400001")  # series not in the table: no guess
    intake.run(once=True)

    guessed = Callback.objects.get(supporter__phone_index=pii.blind_index("+919876500001"))
    unknown = Callback.objects.get(supporter__phone_index=pii.blind_index("+919123400001"))
    assert guessed.area == areas["UP"] and unknown.area is None
    assert guessed.due_at == guessed.created_at  # waiting since the batch that made it
    national = {(r.area.code if r.area else None): r.waiting for r in queue.child_queues(None, True)}
    assert national == {None: 1, "IN": 1}
    up = {r.area.code: (r.waiting, r.own) for r in queue.child_queues(areas["UP"]) if r.area}
    assert up["UP"] == (1, True)  # the state's own queue, not a district's
