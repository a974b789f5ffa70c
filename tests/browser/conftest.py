"""Real-browser tests: Debian's Chromium driven through Playwright's sync API (no browser downloads)."""

import os

import pytest

from tests.supporters.factories import make_areas, make_supporter

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 360, "height": 740}  # a cheap Android phone


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):  # `make test` installs it; in CI a missing browser is a failure, not a skip
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django refuse ORM calls from
    # it (test data, assertions). Allowed only while a browser is open, i.e. for the browser tests' modules.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _phone_page(browser, *, javascript: bool = True):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="en-IN", java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def phone(browser):
    """A page in a 360×740 mobile viewport (browser language English: the site must still default to Hindi)."""
    context, page = _phone_page(browser)
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context, page = _phone_page(browser, javascript=False)
    yield page
    context.close()


@pytest.fixture
def areas(transactional_db):
    return make_areas()


@pytest.fixture
def supporter(areas):
    return make_supporter("+919876500001", area=areas["UP"])
