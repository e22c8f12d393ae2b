from functools import wraps

from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import override
from django.views.decorators.cache import never_cache

from conditions.models import BodyRegion
from editing.translation import (
    LanguageVersion,
    column,
    current_language,
    in_language,
    languages,
)
from references.exporting import to_bibtex, to_ris

from .models import Article
from .pages import build_page, page_to_read
from .selectors import NoSuchLetter, guides_a_to_z, pages_in_language
from .structured_data import json_ld_script, page_structured_data


def guide_index(request):
    language = current_language()
    guides = Article.objects.published().in_language(language).guides().for_listing()
    regions = BodyRegion.objects.filter(conditions__guide__in=guides).distinct()
    region = None
    if slug := request.GET.get("region"):
        region = get_object_or_404(BodyRegion, slug=slug)
        guides = guides.filter(condition__body_region=region)
    try:
        a_to_z = guides_a_to_z(guides, language, letter=request.GET.get("letter"))
    except NoSuchLetter as error:
        raise Http404(f"No condition under {error}.") from error
    return render(
        request,
        "articles/guide_index.html",
        {
            "a_to_z": a_to_z,
            "entries": a_to_z.entries,
            "regions": sorted(
                (in_language(region, language) for region in regions),
                key=lambda region: region.name.casefold(),
            ),
            "current_region": in_language(region, language),
        },
    )


def guide_detail(request, slug):
    return _page(request, Article.objects.guides(), slug)


ARTICLES_PER_PAGE = 20


def article_index(request):
    language = current_language()
    articles = Article.objects.published().in_language(language).stories().for_listing()
    listing = page_or_404(Paginator(articles, ARTICLES_PER_PAGE), request.GET.get("page"))
    return render(
        request,
        "articles/article_index.html",
        {"articles": pages_in_language(listing, language), "listing": listing},
    )


def page_or_404(paginator, number):
    """The page asked for; a number that is not a page of the list is a 404, not page 1."""
    try:
        return paginator.page(number or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error


def article_detail(request, slug):
    return _page(request, Article.objects.stories(), slug)


def signed_in_to_admin(view):
    """Staff who have passed every step the admin asks for (a required second step too)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not admin.site.has_permission(request):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return wrapper


def viewer(request):
    """Who decides whether drafts are shown: the person, once the admin would let them in.

    A visitor without a session cannot be signed in, so their session is left untouched:
    reading it would make the page vary by cookie (``Vary: Cookie``), and no cache could
    share it between patients.
    """
    if request.session.is_empty():
        return AnonymousUser()
    return request.user if admin.site.has_permission(request) else AnonymousUser()


def showing(response, article):
    """Name the page a response shows, for what follows page changes (the page cache)."""
    response.page_shown = article.pk
    return response


@signed_in_to_admin
@permission_required("articles.view_article", raise_exception=True)
@never_cache
def preview(request, pk):
    """The page exactly as patients will see it, whatever its state; staff only, never cached."""
    article = get_object_or_404(Article.objects.for_page(), pk=pk)
    response = _render_page(request, article, current_language(), preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def guide_references(request, slug, file_format):
    return _references_download(request, Article.objects.guides(), slug, file_format)


def article_references(request, slug, file_format):
    return _references_download(request, Article.objects.stories(), slug, file_format)


def _references_download(request, articles, slug, file_format):
    """The page's reference list as a file for reference managers (RIS or BibTeX).

    Same sources, same numbered order as the page: both come from one page object.
    """
    language = current_language()
    article = _at_address(articles.visible_to(viewer(request), language).for_page(), slug, language)
    if article is None:
        suffix = f"references.{file_format}"
        return _redirect_from_old_address(request, request.path.removesuffix(suffix), suffix)
    citations = build_page(article, related=[]).citations
    if file_format == "ris":
        body, content_type = to_ris(citations), "application/x-research-info-systems"
    else:
        body, content_type = to_bibtex(citations), "application/x-bibtex"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    filename = f"{getattr(article, column('slug', language))}-references.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return showing(response, article)


def _page(request, articles, slug):
    language = current_language()
    article = _at_address(articles.visible_to(viewer(request), language).for_page(), slug, language)
    if article is None:
        return _redirect_from_old_address(request, request.path)
    response = _render_page(request, article, language)
    if not article.is_public_in(language):
        # Staff are looking at a page the public cannot see; no cache may keep it.
        add_never_cache_headers(response)
    return showing(response, article)


def _at_address(pages, slug, language):
    """The page of `pages` whose slug in `language` is `slug`, or None. A slug is unique,
    so the query asks for no order (compiling one costs a page view a tenth of its time)."""
    return next(iter(pages.with_slug(slug, language).order_by()[:1]), None)


def _redirect_from_old_address(request, path, suffix=""):
    """301 from an address the page had before (``OldAddress``), or the site's 404."""
    language = current_language()
    moved = get_object_or_404(
        Article.objects.visible_to(viewer(request), language), old_addresses__path=path
    )
    return HttpResponsePermanentRedirect(moved.get_absolute_url() + suffix)


def _render_page(request, article, language, preview=False):
    # A preview is built afresh, as the edit screen's checks are; a page view reuses what
    # this worker built for the page's current version.
    page = build_page(article, language=language) if preview else page_to_read(article, language)
    context = {
        "page": page,
        "article": page.article,  # read in the page's language
        "preview": preview,
        "is_public": article.is_public_in(language),
        "language_versions": _language_versions(request, article, language),
        # Printed on handouts, so a patient can find the page again.
        "page_url": request.build_absolute_uri(page.article.get_absolute_url()),
        "page_structured_data": _structured_data(page, request.build_absolute_uri("/")),
        "share_image": (
            request.build_absolute_uri(article.hero_image.url) if article.hero_image else ""
        ),
    }
    return render(request, "articles/article_detail.html", context)


def _structured_data(page, site_root):
    # Made from the page and its own row alone, which move together (last_changed).
    return page.part(
        ("json-ld", site_root),
        lambda: json_ld_script(page_structured_data(page, site_root=site_root)),
    )


def _language_versions(request, article, language):
    """This page in the other languages; where it has none yet, the list of its kind in
    that language, so the language link never drops a patient on the home page."""
    versions = []
    for code in languages():
        if code == language:
            continue
        url = article.url_in(code) if article.is_public_in(code) else None
        exists = url is not None
        if not exists:
            with override(code):
                url = reverse("guides:index" if article.is_guide else "articles:index")
        versions.append(LanguageVersion(code, request.build_absolute_uri(url), exists))
    return versions
