"""A page's query count does not grow with its rows (list and record)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sampark.supporters.records import services
from tests.supporters.factories import make_supporter


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_queries_do_not_grow_with_rows(client, areas, national_coordinator):
    client.force_login(national_coordinator)
    make_supporter("+919876500001", area=areas["UP-LKO"])
    few = _queries(client, "/staff/supporters/")
    for n in range(2, 30):
        make_supporter(f"+9198765000{n:02d}", area=areas["UP-AC-170"], name=f"N{n}")
    assert _queries(client, "/staff/supporters/") == few


def test_record_queries_do_not_grow_with_history(client, areas, national_coordinator):
    client.force_login(national_coordinator)
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    url = f"/staff/supporters/{s.public_id}/"
    few = _queries(client, url)
    for n in range(10):
        services.add_tag(s, f"t{n}", national_coordinator)
        services.move_stage(s, ["called_back", "active", "new"][n % 3], by=national_coordinator, reason="test")
    assert _queries(client, url) == few
