"""makemessages that extracts only the site's own interface strings.

The virtualenv, collected static files, uploads, tests and benchmarks are never scanned:
a string that only a test mentions would otherwise land in the project catalogue.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    ignored_paths = [".venv/*", "staticfiles/*", "media/*", "tests/*", "bench/*", "test-artifacts/*"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options["ignore_patterns"], *self.ignored_paths]
        return super().handle(*args, **options)
