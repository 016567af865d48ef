# The old fields of the home page go; the blocks take the name « body » (as on standard pages).

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_home_fields_to_blocks'),
    ]

    operations = [
        migrations.RemoveField(model_name='homepage', name='hero_text'),
        migrations.RemoveField(model_name='homepage', name='join_page'),
        migrations.RemoveField(model_name='homepage', name='join_text'),
        migrations.RemoveField(model_name='homepage', name='join_title'),
        migrations.RemoveField(model_name='homepage', name='body'),
        migrations.RenameField(model_name='homepage', old_name='content', new_name='body'),
    ]
