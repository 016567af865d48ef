"""The site with its images, as production serves them: the app behind a web server or object
storage that answers for ``/media/images/`` (Django serves them only when DEBUG is on).

For ``bench/lighthouse.py``: without it every picture is a 404, which Lighthouse counts as
console errors and a missing Largest Contentful Paint. ``autorefresh`` finds the renditions
made after start.
"""

import os
from pathlib import Path

from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(site, autorefresh=True, max_age=31_536_000)
application.add_files(str(Path(os.environ["MEDIA_ROOT"]) / "images"), prefix="media/images/")
