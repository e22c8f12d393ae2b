from django.urls import path, re_path

from . import views

guide_patterns = (
    [
        path("", views.guide_index, name="index"),
        path("<slug:slug>/", views.guide_detail, name="detail"),
        re_path(
            r"^(?P<slug>[-\w]+)/references\.(?P<file_format>ris|bib)$",
            views.guide_references,
            name="references",
        ),
    ],
    "guides",
)

article_patterns = (
    [
        path("", views.article_index, name="index"),
        path("preview/<int:pk>/", views.preview, name="preview"),
        path("<slug:slug>/", views.article_detail, name="detail"),
        re_path(
            r"^(?P<slug>[-\w]+)/references\.(?P<file_format>ris|bib)$",
            views.article_references,
            name="references",
        ),
    ],
    "articles",
)
