"""On PostgreSQL each web process's call-log writer commits concurrent webhooks together. Every call is still
logged once, each request learns whether its call was new, a row the database refuses fails only its own
request, a dropped connection costs no call, and a call log that does not answer gets the provider a 503."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from wsgiref.util import setup_testing_defaults

import psycopg
import pytest
from django.db import connection

from sampark.core import counters, pii
from sampark.telephony import calllog
from sampark.telephony.models import Call
from sampark.telephony.services import add_number
from sampark.wsgi import application

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the call-log writer is PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def exotel_number(db):
    return add_number(provider="exotel", slug="ex", number="+911140000001", secret="exo-key")


def deliver(call_id: str, caller: str = "09876500001"):
    """One Exotel Passthru request through the server's WSGI entry point, as granian hands it over."""
    environ = {"PATH_INFO": "/hooks/exotel/ex/", "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO(b""),
               "QUERY_STRING": f"key=exo-key&CallSid={call_id}&CallFrom={caller}&CallTo=01140000001"}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    answer["body"] = b"".join(application(environ, start_response))
    return answer


def test_concurrent_deliveries_log_each_call_once_and_count_the_duplicates(exotel_number):
    call_ids = [f"gc-{n}" for n in range(300)]
    deliveries = call_ids + call_ids[::3]  # every third call delivered twice, often at the same moment
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(deliver, deliveries))
    assert {a["status"] for a in answers} == {200}
    assert Call.objects.count() == 300
    assert set(Call.objects.values_list("provider_call_id", flat=True)) == set(call_ids)
    assert counters.read("calls_duplicate") == {"calls_duplicate": 100}


def row(number_id: int, call_id: str) -> calllog._Row:
    now = datetime.now(UTC)
    return calllog._Row((number_id, "exotel", call_id, pii.encrypt("09876500001"), now, None))


def test_one_batch_with_a_call_id_twice_logs_it_once_and_calls_only_the_first_new(exotel_number):
    batch = [row(exotel_number.id, "same"), row(exotel_number.id, "same"), row(exotel_number.id, "other")]
    calllog.writer._write(batch)
    assert [r.inserted for r in batch] == [True, False, True]
    assert all(r.answered.is_set() and not r.failure for r in batch)
    assert Call.objects.count() == 2


def test_a_row_the_database_refuses_fails_only_its_own_request(exotel_number):
    too_long = "x" * (Call._meta.get_field("provider_call_id").max_length + 1)
    batch = [row(exotel_number.id, "a"), row(exotel_number.id, too_long), row(exotel_number.id, "b")]
    calllog.writer._write(batch)  # the middle row's call id does not fit its column: the whole statement fails
    assert [r.inserted for r in batch] == [True, False, True]
    assert [r.failure for r in batch] == ["", "the call log refused this call", ""]
    assert sorted(Call.objects.values_list("provider_call_id", flat=True)) == ["a", "b"]


def terminate_other_sessions():
    with psycopg.connect(dbname=connection.settings_dict["NAME"], host=connection.settings_dict["HOST"],
                         port=connection.settings_dict["PORT"], user=connection.settings_dict["USER"],
                         autocommit=True) as admin:
        return admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchone()[0]


def test_a_connection_the_server_dropped_costs_no_call(exotel_number):
    assert deliver("before")["status"] == 200
    connection.close()  # the test's own session goes too; Django reconnects it
    assert terminate_other_sessions() >= 1  # the writer's idle connection, as a database restart would
    answer = deliver("after")
    assert answer["status"] == 200
    assert set(Call.objects.values_list("provider_call_id", flat=True)) == {"before", "after"}


def test_a_call_log_that_does_not_answer_is_a_503_and_the_retry_is_safe(exotel_number, monkeypatch):
    monkeypatch.setattr(calllog, "ANSWER_TIMEOUT_SECONDS", 0.5)
    assert deliver("warm")["status"] == 200
    settings = connection.settings_dict
    locker = psycopg.connect(dbname=settings["NAME"], host=settings["HOST"], port=settings["PORT"],
                             user=settings["USER"])
    try:
        locker.execute(f"LOCK TABLE {Call._meta.db_table} IN ACCESS EXCLUSIVE MODE")  # held until rollback
        answer = deliver("slow")
        assert answer["status"] == 503
        assert answer["headers"]["Retry-After"] == "5"
        assert b"did not answer within 0.5 s; retry" in answer["body"]
    finally:
        locker.rollback()
        locker.close()
    retry = deliver("slow")  # the provider's retry, once the database answers again
    assert retry["status"] == 200
    assert Call.objects.filter(provider_call_id="slow").count() == 1


def writer_threads():
    return [t for t in threading.enumerate() if t.name == "call-log-writer"]


def test_a_closed_writer_lets_go_of_its_connection_and_the_next_call_starts_a_new_one(exotel_number):
    assert deliver("one")["status"] == 200
    assert len(writer_threads()) == 1
    calllog.writer.close()
    assert writer_threads() == []
    connection.close()
    assert terminate_other_sessions() == 0  # nothing left connected but the query's own session
    assert deliver("two")["status"] == 200
    assert len(writer_threads()) == 1
    assert Call.objects.count() == 2
