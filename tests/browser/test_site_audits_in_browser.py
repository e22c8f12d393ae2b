"""What auditing tools read through a public page. Lighthouse (its robots.txt audit) and
Chrome DevTools fetch the site's robots.txt with the DevTools protocol's
Network.loadNetworkResource in the page's frame, which obeys the page's connect-src: under
connect-src 'none' the load fails with "CSP violation" and Lighthouse reports "unable to
download a robots.txt file", although crawlers read it fine."""

import pytest

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.parametrize(
    "path", ["/", "/conditions/leg-spasms-and-cramping/", "/search/?q=leg+cramps"]
)
def test_robots_txt_loads_through_a_public_page_as_lighthouse_loads_it(page, live_server, path):
    response = page.goto(live_server.url + path)
    assert "script-src 'none'" in response.headers["content-security-policy"]
    devtools = page.context.new_cdp_session(page)
    frame = devtools.send("Page.getFrameTree")["frameTree"]["frame"]["id"]

    loaded = devtools.send(
        "Network.loadNetworkResource",
        {
            "frameId": frame,
            "url": live_server.url + "/robots.txt",
            "options": {"disableCache": True, "includeCredentials": True},
        },
    )["resource"]

    assert loaded["success"], loaded
    assert loaded["httpStatusCode"] == 200
    text = devtools.send("IO.read", {"handle": loaded["stream"]})["data"]
    assert text.startswith("User-agent: *\n")
