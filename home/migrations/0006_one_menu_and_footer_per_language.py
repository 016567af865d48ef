"""One main menu and one site footer per language: the extra ones, which the site never showed, go."""

from django.db import migrations, models


def drop_unshown_duplicates(apps, schema_editor):
    # The header showed each language's first menu; the footer each language's last footer.
    for model_name, keep in (("MainMenu", "pk"), ("SiteFooter", "-pk")):
        model = apps.get_model("home", model_name)
        kept = set()
        for pk, locale_id in model.objects.order_by(keep).values_list("pk", "locale_id"):
            if locale_id in kept:
                model.objects.filter(pk=pk).delete()
            kept.add(locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_main_menu_and_footer_page_links"),
    ]

    operations = [
        migrations.RunPython(drop_unshown_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="mainmenu",
            constraint=models.UniqueConstraint(fields=("locale",), name="home_mainmenu_one_per_locale"),
        ),
        migrations.AddConstraint(
            model_name="sitefooter",
            constraint=models.UniqueConstraint(fields=("locale",), name="home_sitefooter_one_per_locale"),
        ),
    ]
