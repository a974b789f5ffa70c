"""With a real gateway, active templates without DLT registration are warned about at start; the file outbox
(demo, development) needs none."""

import subprocess
import sys
import time

import pytest

from sampark.outreach import services
from sampark.outreach.models import SmsTemplate
from tests.web import serving


@pytest.mark.django_db
def test_no_warning_for_the_file_outbox(settings):
    settings.SMS_BACKEND = "file"
    assert services.dlt_warning() is None


@pytest.mark.django_db
def test_warning_names_each_template_and_missing_field(settings):
    settings.SMS_BACKEND = "exotel"
    SmsTemplate.objects.filter(key="trust_warning").update(active=False)
    SmsTemplate.objects.filter(key="confirmation", language="en").update(
        header="SAMPRK", dlt_entity_id="1101600000000000001", dlt_template_id="1107160000000000002")
    warning = services.dlt_warning()
    assert "SAMPARK_SMS_BACKEND=exotel" in warning
    assert "confirmation/hi (dlt_entity_id, dlt_template_id, header)" in warning
    assert "confirmation/en" not in warning and "trust_warning" not in warning


def test_serve_warns_at_start(tmp_path):
    port = serving.free_port()
    env = serving.environment(tmp_path / "data", port)
    env.update(SAMPARK_SMS_BACKEND="exotel", SAMPARK_EXOTEL_SID="sid", SAMPARK_EXOTEL_API_KEY="key",
               SAMPARK_EXOTEL_API_TOKEN="token")
    serving.sampark(env, "migrate", "--verbosity", "0")
    log_path = tmp_path / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "sampark.cli", "serve", "--port", str(port), "--no-worker",
                               "--workers", "1"], env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            if "Sampark serving" in log_path.read_text():
                break
            time.sleep(0.1)
    finally:
        serving.stop(server)
    log = log_path.read_text()
    assert "warning: SAMPARK_SMS_BACKEND=exotel but these active SMS templates have no DLT registration" in log
    assert "confirmation/hi" in log and "trust_warning/en" in log
