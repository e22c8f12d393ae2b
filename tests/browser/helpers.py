from playwright.sync_api import expect


def log_in(page, live_server, username, password):
    """Sign in to the admin through its login form, as a person would."""
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/admin/")
