"""Admin forms as a browser would submit them, read from the page's HTML."""

import re
from html import unescape


def form_data_from_html(html):
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data.setdefault(name, value)
    for attrs in re.findall(r"<input([^>]*)>", html):
        name = re.search(r'name="([^"]+)"', attrs)
        if name and "checkbox" in attrs:
            if "checked" in attrs:
                data[name.group(1)] = "on"
            else:
                data.pop(name.group(1), None)
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html):
        data[name] = value.removeprefix("\n")  # as browsers do, the newline after the tag
    for attrs, body in re.findall(r"<select([^>]*)>(.*?)</select>", html, re.S):
        name = re.search(r'name="([^"]+)"', attrs).group(1)
        selected = re.findall(r'<option value="([^"]*)"[^>]*selected', body)
        if "multiple" in attrs:
            data[name] = selected
        else:
            data[name] = selected[0] if selected else ""
    return {
        name: unescape(value) if isinstance(value, str) else value for name, value in data.items()
    }


def form_data(client, url):
    """The change form's current values, as a browser would submit them."""
    return form_data_from_html(client.get(url).content.decode())
