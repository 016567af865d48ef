# The home page's sections become blocks (a StreamField): added here beside the old fields,
# filled from them in 0003, which they are then removed in favour of (0004).

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='homepage',
            name='content',
            field=wagtail.fields.StreamField([('lead', 5), ('working_groups', 8), ('upcoming_meetings', 11), ('latest_resources', 11), ('latest_achievements', 11), ('call_to_join', 17), ('paragraph', 18)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "The large sentence under the site's name.", 'label': 'Message', 'max_length': 255}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text', 'required': False}), 2: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 80, 'required': False}), 4: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Link to', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('message', 0), ('text', 1), ('image', 2), ('link_text', 3), ('page', 4)]], {}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank for « Our working groups ».', 'label': 'Heading', 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Introduction', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('heading', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank for the standard heading.', 'label': 'Heading', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'label': 'How many', 'max_value': 12, 'min_value': 1}), 11: ('wagtail.blocks.StructBlock', [[('heading', 9), ('text', 7), ('count', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'For example the membership page.', 'label': 'Page', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the page's title.", 'label': 'Link text', 'max_length': 80, 'required': False}), 16: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'help_text': "It leads to the sign-up form, in the reader's language.", 'label': 'Add a « Become a member » button', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('heading', 12), ('text', 13), ('page', 14), ('link_text', 15), ('signup_button', 16)]], {}), 18: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text with links and lists.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h2', 'h3'], 'icon': 'pilcrow', 'label': 'Paragraph'})}, help_text="The home page's sections in order: the lead message, the working groups, upcoming meetings, the newest public resources, the call to join. Each listing fills itself from the published pages.", verbose_name='blocks'),
        ),
    ]
