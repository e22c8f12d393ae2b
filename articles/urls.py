from django.urls import path

from . import views

guide_patterns = (
    [
        path("", views.guide_index, name="index"),
        path("<slug:slug>/", views.guide_detail, name="detail"),
    ],
    "guides",
)

article_patterns = (
    [
        path("", views.article_index, name="index"),
        path("preview/<int:pk>/", views.preview, name="preview"),
        path("<slug:slug>/", views.article_detail, name="detail"),
    ],
    "articles",
)
