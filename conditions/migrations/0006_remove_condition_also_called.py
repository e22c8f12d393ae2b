from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("conditions", "0005_alternative_names_from_also_called")]

    operations = [migrations.RemoveField(model_name="condition", name="also_called")]
