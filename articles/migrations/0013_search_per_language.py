"""A search document per page and language: the page's own id stops being the key.

The documents already written stay, as the pages' English documents.
"""

import django.db.models.deletion
from django.db import migrations, models


def keep_only_english(apps, schema_editor):
    """Going back to one document per page: the English ones stay."""
    apps.get_model("articles", "SearchDocument").objects.exclude(language="en").delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_spanish_note")]

    operations = [
        # First the article stops being the primary key, then the new key is added: a table
        # has one primary key at a time.
        migrations.AlterField(
            model_name="searchdocument",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="search_documents",
                to="articles.article",
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="id",
            field=models.BigAutoField(
                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("es", "Español")], default="en", max_length=8
            ),
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.UniqueConstraint(
                fields=("article", "language"), name="one_search_document_per_language"
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, keep_only_english),
    ]
