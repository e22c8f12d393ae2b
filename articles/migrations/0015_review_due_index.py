from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_spanish_search_on_postgresql"),
    ]

    operations = [
        # The admin home's review lists, their filter and review_report, most urgent first.
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["next_review_due", "title"], name="article_review_due_idx"),
        ),
    ]
