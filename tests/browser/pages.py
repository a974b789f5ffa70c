"""What the browser tests do to a page besides their own steps: keep a screenshot to look at, check it fits a
360 px phone, sign in as staff."""

import os

STAFF_PASSWORD = "a long staff passphrase 42"


def screenshot(page, name: str) -> None:
    """Saved only when SAMPARK_SCREENSHOTS names a folder (e.g. /tmp/shots): to look at the pages by eye."""
    folder = os.environ.get("SAMPARK_SCREENSHOTS", "")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}-360.png"), full_page=True)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def sign_in(page, base: str, username: str, password: str = STAFF_PASSWORD, next_path: str = "") -> None:
    page.goto(f"{base}/staff/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
